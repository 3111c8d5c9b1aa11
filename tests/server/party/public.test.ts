import { beforeAll, describe, expect, test } from 'vitest';
import { createPartyOrg, dissolvePartyOrg, renamePartyOrg } from '@/server/party/orgs';
import { getCommunityProfile, getCompoundProfile, getStreet } from '@/server/territory/browse-territory';
import { partyWorld } from './support';

let w: Awaited<ReturnType<typeof partyWorld>>;
beforeAll(async () => {
  w = await partyWorld();
});

describe('party organisations on public place pages (issue 18 item 2)', () => {
  test('a street page shows its 党工委; a dissolved organisation is not shown as active; a renamed one shows its former name', async () => {
    const { db, by, street, jinyang, a } = w;
    await createPartyOrg(by.district, { kind: 'STREET_WORKING_COMMITTEE', name: '晋阳街道党工委', placeId: street.id });
    const committee = await createPartyOrg(by.street, { kind: 'COMMUNITY_GENERAL_BRANCH', name: '晋阳社区党总支', placeId: jinyang.id });
    await renamePartyOrg(by.street, { partyOrgId: committee.id, name: '晋阳社区党委' });
    const gone = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: '已撤销支部', placeId: a.compound.id });
    await dissolvePartyOrg(by.community, { partyOrgId: gone.id });

    expect((await getStreet(street.code))!.partyOrgs.map((o) => o.name)).toEqual(['晋阳街道党工委']);
    const community = await db.community.findUniqueOrThrow({ where: { id: jinyang.id } });
    const profile = (await getCommunityProfile(community.code))!;
    expect(profile.partyOrgs.map((o) => [o.name, o.formerNames.map((f) => f.name)])).toEqual([['晋阳社区党委', ['晋阳社区党总支']]]);
    expect((await getCompoundProfile(a.compound.id))!.partyOrgs.map((o) => o.name)).not.toContain('已撤销支部');
  });
});
