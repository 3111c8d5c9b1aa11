import { beforeAll, describe, expect, test } from 'vitest';
import { getCommunityProfile, getCompoundProfile, getStreet, listDistricts } from '@/server/territory/browse-territory';
import { searchPlaces } from '@/server/territory/search-places';
import { createBody } from '../../factories/organisation';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { communityByCode } from '../../factories/territory';
import { testDb } from '../db';

let compoundId = 0;

beforeAll(async () => {
  const db = testDb();
  const names = new NameSource(7);
  const community = await communityByCode(db, '510107009003');
  const { compound, owners } = await createPopulatedCompound(db, names, {
    communityId: community.id,
    name: '北苑小区',
    buildings: [{ name: '1栋', floors: 2, perFloor: 2, areasCentiM2: [8950, 10025] }],
  });
  compoundId = compound.id;
  const body = await createBody(db, {
    kind: 'COURTYARD_COUNCIL',
    name: '北苑院落议事会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: owners.slice(0, 3).map((o) => o.id),
    positions: ['CHAIR', 'SECRETARY', 'MEMBER'],
  });
  // A member whose term has ended is not shown.
  await db.bodyMember.create({
    data: {
      bodyId: body.id,
      personId: owners[3]!.id,
      position: 'MEMBER',
      startsOn: new Date('2020-01-01'),
      endsOn: new Date('2023-12-31'),
    },
  });
});

describe('searchPlaces', () => {
  test.each([
    ['jysq', 'community', '晋阳社区'],
    ['晋阳', 'street', '晋阳街道'],
    ['晋阳社区', 'community', '晋阳社区'],
    ['whq', 'district', '武侯区'],
    ['byxq', 'compound', '北苑小区'],
    ['北苑', 'compound', '北苑小区'],
    ['DSJD', 'street', '东升街道'],
  ])('%j finds the %s %s', async (q, level, name) => {
    const hits = await searchPlaces(q);
    expect(hits).toContainEqual(expect.objectContaining({ level, name }));
  });

  test('an exact name comes first', async () => {
    expect((await searchPlaces('晋阳社区'))[0]).toMatchObject({ name: '晋阳社区', path: ['武侯区', '晋阳街道'] });
  });

  test.each(['', '   ', '不存在的地方xyz', '\'; DROP TABLE "Community"; --'])('%j finds nothing and breaks nothing', async (q) => {
    expect(await searchPlaces(q)).toEqual([]);
    expect(await testDb().community.count()).toBe(5078);
  });
});

describe('browsing', () => {
  test('districts are grouped by city, Chengdu with its 20', async () => {
    const cities = await listDistricts();
    expect(cities.find((c) => c.city === '成都市')?.districts).toHaveLength(20);
  });

  test('a street lists its communities', async () => {
    const street = await getStreet('510107009');
    expect(street?.communities.map((c) => c.name)).toContain('晋阳社区');
    expect(street?.communities.find((c) => c.name === '晋阳社区')?._count.compounds).toBe(1);
  });

  test('a community profile lists compounds; a compound profile lists current members with positions and sums areas as integers', async () => {
    const community = await getCommunityProfile('510107009003');
    expect(community?.compounds.map((c) => c.name)).toEqual(['北苑小区']);
    const compound = await getCompoundProfile(compoundId);
    expect(compound?.householdCount).toBe(4);
    expect(compound?.totalAreaCentiM2).toBe(8950 + 10025 + 8950 + 10025);
    const council = compound?.bodies.find((b) => b.name === '北苑院落议事会');
    expect(council?.members.map((m) => m.position)).toEqual(['CHAIR', 'SECRETARY', 'MEMBER']);
  });

  test('unknown codes and ids give null, not an error', async () => {
    expect(await getCommunityProfile('000000000000')).toBeNull();
    expect(await getCompoundProfile(999_999)).toBeNull();
  });
});
