import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { appointOfficer, endOfficer } from '@/server/party/officers';
import { createPartyOrg } from '@/server/party/orgs';
import { savePartyMember } from '@/server/territory-admin/party-members';
import { assignOrganization, createOrganization } from '../../factories/organisation';
import { TODAY } from '../accounts/support';
import { partyWorld } from './support';

let w: Awaited<ReturnType<typeof partyWorld>>;
let committeeId: number;
beforeAll(async () => {
  w = await partyWorld();
  committeeId = (await createPartyOrg(w.by.street, { kind: 'COMMUNITY_COMMITTEE', name: '晋阳社区党委', placeId: w.jinyang.id })).id;
});

describe('officers of a party organisation, for a term', () => {
  test('two secretaries appointed at once: one is appointed, the other refused; after the term ends a new one may be', async () => {
    const { db, by } = w;
    const results = await Promise.all([
      refusal(
        appointOfficer(by.street, {
          partyOrgId: committeeId,
          name: '王书记',
          phone: '13800001001',
          position: 'SECRETARY',
          startsOn: TODAY,
        }),
      ),
      refusal(
        appointOfficer(by.district, {
          partyOrgId: committeeId,
          name: '李书记',
          phone: '13800001002',
          position: 'SECRETARY',
          startsOn: TODAY,
        }),
      ),
    ]);
    expect(results.sort()).toEqual(['no refusal', 'partyOrg.secretaryTaken']);
    const open = await db.partyOrgMember.findMany({ where: { partyOrgId: committeeId, position: 'SECRETARY', endsOn: null } });
    expect(open).toHaveLength(1);
    await endOfficer(by.street, { postId: open[0]!.id, endsOn: TODAY });
    expect(await refusal(endOfficer(by.street, { postId: open[0]!.id, endsOn: TODAY }))).toBe('partyOrg.alreadyEnded');
    await appointOfficer(by.street, {
      partyOrgId: committeeId,
      name: '赵书记',
      phone: '13800001003',
      position: 'SECRETARY',
      startsOn: TODAY,
    });
    expect(await db.auditLog.count({ where: { action: 'partyOrg.appoint' } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: 'partyOrg.endOfficer' } })).toBe(1);
  });

  test('a part-time committee member comes from a unit serving the community; a unit from elsewhere is refused', async () => {
    const { db, by, jinyang, tanghu } = w;
    const { districtId } = await db.street.findUniqueOrThrow({ where: { id: jinyang.streetId } });
    const here = await createOrganization(db, { kind: 'CO_BUILDING_UNIT', name: '区税务局', districtId });
    const elsewhere = await createOrganization(db, { kind: 'CO_BUILDING_UNIT', name: '别处单位', districtId });
    await assignOrganization(db, { organizationId: here.id, relation: 'CO_BUILDING', communityId: jinyang.id, startsOn: '2024-01-01' });
    await assignOrganization(db, { organizationId: elsewhere.id, relation: 'CO_BUILDING', communityId: tanghu.id, startsOn: '2024-01-01' });
    const input = {
      partyOrgId: committeeId,
      name: '兼职委员',
      phone: '13800001004',
      position: 'COMMITTEE_MEMBER' as const,
      startsOn: TODAY,
    };
    expect(await refusal(appointOfficer(by.street, { ...input, organizationId: elsewhere.id }))).toBe('partyOrg.unitNotHere');
    const post = await appointOfficer(by.street, { ...input, organizationId: here.id });
    expect(post).toMatchObject({ organizationId: here.id, position: 'COMMITTEE_MEMBER' });
  });

  test('officers are appointed by those who build the organisation: not by its own community, nor another street', async () => {
    const { db, by } = w;
    const before = await db.partyOrgMember.count();
    for (const who of [by.community, by.otherStreet, by.gridWorker]) {
      const r = appointOfficer(who, { partyOrgId: committeeId, name: '某人', position: 'DEPUTY_SECRETARY', startsOn: TODAY });
      expect(await refusal(r)).toBe('auth.forbidden');
    }
    expect(await db.partyOrgMember.count()).toBe(before);
  });

  test('a person with the same new phone saved by another request at the same moment: the save waits and uses that person', async () => {
    const { db, by } = w;
    const phone = '13800001099';
    // Another request has written the person but not committed yet when this save looks for them.
    let commit = () => {};
    const other = db.$transaction(async (tx) => {
      await tx.person.create({ data: { name: '赵委员', phone } });
      await new Promise<void>((resolve) => (commit = resolve));
    });
    const blocked = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)[0]!.n > 0;
    const saves = Promise.all(
      [
        appointOfficer(by.street, { partyOrgId: committeeId, name: '赵委员', phone, position: 'COMMITTEE_MEMBER', startsOn: TODAY }),
        savePartyMember(by.street, {
          partyOrgId: committeeId,
          name: '赵委员',
          phone,
          dualRegistered: false,
          mobile: false,
          skills: [],
          interests: [],
        }),
      ].map(refusal),
    );
    while (!(await blocked())) await new Promise((r) => setTimeout(r, 20));
    commit();
    await other;
    expect(await saves).toEqual(['no refusal', 'no refusal']);
    const people = await db.person.findMany({ where: { phone }, include: { partyMember: true, partyOrgPositions: true } });
    expect(people.map((p) => [p.partyMember !== null, p.partyOrgPositions.length])).toEqual([[true, 1]]);
  });
});
