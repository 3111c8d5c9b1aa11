import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { createPartyOrg } from '@/server/party/orgs';
import { getPartyOrgForAdmin, listPartyOrgsForAdmin, topPlacesToBuild } from '@/server/party/read';
import { partyWorld } from './support';

let w: Awaited<ReturnType<typeof partyWorld>>;
beforeAll(async () => {
  w = await partyWorld();
});

describe('the party organisations admin reads, authorized on the server', () => {
  test('the tree shows one’s own places only; an organisation’s page opens only for those who build it', async () => {
    const { by, jinyang, a, grid } = w;
    const committee = await createPartyOrg(by.street, { kind: 'COMMUNITY_COMMITTEE', name: '晋阳社区党委', placeId: jinyang.id });
    const branch = await createPartyOrg(by.community, {
      kind: 'COMPOUND_BRANCH',
      name: '北苑党支部',
      placeId: a.compound.id,
      parentId: committee.id,
    });
    expect((await listPartyOrgsForAdmin(by.community)).map((o) => o.name)).toEqual(['晋阳社区党委', '北苑党支部']);
    expect(await listPartyOrgsForAdmin(by.otherStreet)).toEqual([]);
    expect((await listPartyOrgsForAdmin(by.branch)).map((o) => [o.name, o.buildable])).toEqual([['北苑党支部', false]]);
    expect(await listPartyOrgsForAdmin(by.gridWorker)).toEqual([]);
    expect(await refusal(getPartyOrgForAdmin(by.community, committee.id))).toBe('auth.forbidden');
    expect(await refusal(getPartyOrgForAdmin(by.otherStreet, committee.id))).toBe('auth.forbidden');
    const page = await getPartyOrgForAdmin(by.street, committee.id);
    expect(page.below.map((p) => p.value)).toEqual(expect.arrayContaining([`grid:${grid.id}`, `compound:${a.compound.id}`]));
    expect((await getPartyOrgForAdmin(by.community, branch.id)).below.every((p) => p.level === 'building')).toBe(true);
    expect((await topPlacesToBuild(by.street)).every((p) => p.level === 'community')).toBe(true);
    expect((await topPlacesToBuild(by.district)).some((p) => p.level === 'street')).toBe(true);
    // Below the street, the top of one's own tree: a community its grids and compounds, a compound branch its buildings.
    expect((await topPlacesToBuild(by.community)).map((p) => p.value)).toEqual(
      expect.arrayContaining([`grid:${grid.id}`, `compound:${a.compound.id}`]),
    );
    expect((await topPlacesToBuild(by.community)).some((p) => p.level === 'community' || p.level === 'building')).toBe(false);
    const branchPlaces = await topPlacesToBuild(by.branch);
    expect(branchPlaces.length).toBeGreaterThan(0);
    expect(branchPlaces.every((p) => p.level === 'building')).toBe(true);
    expect(await topPlacesToBuild(by.gridWorker)).toEqual([]);
  });
});
