import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { appointMember, createBody, endMembership } from '@/server/territory-admin/bodies';
import {
  createBuilding,
  createCompound,
  getCompoundForAdmin,
  saveHousehold,
  updateBuilding,
  updateCompound,
} from '@/server/territory-admin/compounds';
import { listPartyMembers, savePartyMember } from '@/server/territory-admin/party-members';
import { loadActor } from '@/server/auth/actor';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createPartyOrg } from '../../factories/organisation';
import { byUser, world } from '../accounts/support';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});
const settings = { parkingCountsInArea: false, silentFollowMajority: false };

describe('managing the tree below one', () => {
  test('a community secretary creates and edits a compound, a building and units; each change is audited before → after', async () => {
    const { db, jinyang, staff } = w;
    const by = await byUser(staff.jinyangSecretary.id);
    const c = await createCompound(by, jinyang.id, { name: '锦苑', address: '晋阳路1号', ...settings });
    expect([c.initials, c.streetId]).toEqual(['jy', jinyang.streetId]);
    expect(await refusal(createCompound(by, jinyang.id, { name: '锦苑', ...settings }))).toBe('place.nameTaken');
    // Where it is (decision 060): Open311 places a hotline request by the nearest compound with coordinates.
    const location = { lat: 30.6417, long: 104.0431 };
    await updateCompound(by, c.id, {
      name: '锦苑小区',
      address: '晋阳路1号',
      parkingCountsInArea: true,
      silentFollowMajority: false,
      location,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'compound.update', entityId: String(c.id) } });
    expect([audit.before, audit.after]).toMatchObject([
      { name: '锦苑', parkingCountsInArea: false, lat: null },
      { name: '锦苑小区', parkingCountsInArea: true, ...location },
    ]);
    expect(await db.compound.findUniqueOrThrow({ where: { id: c.id }, select: { lat: true, long: true } })).toEqual(location);

    const b = await createBuilding(by, c.id, { name: '1栋', unitCount: 2 });
    await createBuilding(by, c.id, { name: '2栋', unitCount: 1 });
    expect(await refusal(updateBuilding(by, b.id, { name: '2栋', unitCount: 2 }))).toBe('place.nameTaken');
    await updateBuilding(by, b.id, { name: '1号楼', unitCount: 3 });
    await updateBuilding(by, b.id, { name: '1栋', unitCount: 2 });
    expect(await db.auditLog.count({ where: { action: 'building.update', entityId: String(b.id) } })).toBe(2);
    await saveHousehold(by, { buildingId: b.id, unitNo: '1', roomNo: '101', areaCentiM2: 8950, use: 'RESIDENTIAL', developerHeld: false });
    await saveHousehold(by, { buildingId: b.id, unitNo: '1', roomNo: '101', areaCentiM2: 8960, use: 'RESIDENTIAL', developerHeld: true });
    const admin = await getCompoundForAdmin(by, c.id);
    expect(admin.buildings).toMatchObject([{ name: '1栋', unitCount: 2, _count: { households: 1 } }, { name: '2栋' }]);
    expect(await db.household.findFirstOrThrow({ where: { buildingId: b.id } })).toMatchObject({ areaCentiM2: 8960, developerHeld: true });
  });

  test('street staff of another street, a grid worker and a resident are refused, and nothing is written', async () => {
    const { db, jinyang, a, staff } = w;
    const resident = await createVerifiedResident(db, {
      personId: a.owners[0]!.id,
      phone: '13700000001',
      password: 'x-pass-1234',
      householdId: a.households[0]!.id,
    });
    const audits = await db.auditLog.count();
    for (const who of [staff.dongshengStreet.id, staff.gridWorker.id, resident.id]) {
      const by = await byUser(who);
      expect(await refusal(createCompound(by, jinyang.id, { name: '冒名小区', ...settings }))).toBe('auth.forbidden');
      expect(await refusal(updateCompound(by, a.compound.id, { name: '改名', ...settings }))).toBe('auth.forbidden');
      expect(await refusal(createBuilding(by, a.compound.id, { name: '99栋', unitCount: 1 }))).toBe('auth.forbidden');
      expect(await refusal(updateBuilding(by, a.buildings[0]!.id, { name: '99栋', unitCount: 1 }))).toBe('auth.forbidden');
      expect(
        await refusal(
          saveHousehold(by, {
            buildingId: a.buildings[0]!.id,
            unitNo: '1',
            roomNo: '101',
            areaCentiM2: 1,
            use: 'RESIDENTIAL',
            developerHeld: false,
          }),
        ),
      ).toBe('auth.forbidden');
      expect(
        await refusal(
          createBody(by, {
            kind: 'OWNERS_COMMITTEE',
            name: 'x',
            communityId: jinyang.id,
            compoundId: a.compound.id,
            termStartsOn: '2026-01-01',
          }),
        ),
      ).toBe('auth.forbidden');
    }
    expect(await db.auditLog.count()).toBe(audits);
    expect((await db.compound.findUniqueOrThrow({ where: { id: a.compound.id } })).name).toBe('北苑小区');
  });
});

describe('bodies, members and terms', () => {
  test("each kind where it exists: a community's 居务监督委员会 is made by the street; a community council of a compound is refused", async () => {
    const { db, jinyang, a, staff } = w;
    const by = await byUser(staff.jinyangSecretary.id);
    // The committee that oversees the residents' committee is not set up by the community's own staff.
    const input = {
      kind: 'SUPERVISORY_COMMITTEE' as const,
      name: '晋阳社区居务监督委员会',
      communityId: jinyang.id,
      seats: 5,
      termStartsOn: '2026-01-01',
    };
    expect(await refusal(createBody(by, input))).toBe('body.overseesKeepers');
    const supervisory = await createBody(await byUser(staff.jinyangStreet.id), input);
    // Nor do they seat its members.
    expect(await refusal(appointMember(by, { bodyId: supervisory.id, name: '监委', position: 'MEMBER', startsOn: '2026-01-01' }))).toBe(
      'body.overseesKeepers',
    );
    expect([supervisory.communityId, supervisory.compoundId]).toEqual([jinyang.id, null]);
    const audits = await db.auditLog.count();
    expect(
      await refusal(
        createBody(by, {
          kind: 'COMMUNITY_COUNCIL',
          name: '北苑社区议事会',
          communityId: jinyang.id,
          compoundId: a.compound.id,
          termStartsOn: '2026-01-01',
        }),
      ),
    ).toBe('body.communityOnly');
    expect(await db.auditLog.count()).toBe(audits);
  });

  test('create an owners’ committee, appoint its chair (who then holds the role), end a term', async () => {
    const { db, jinyang, a, staff } = w;
    const by = await byUser(staff.jinyangSecretary.id);
    expect(
      await refusal(createBody(by, { kind: 'OWNERS_COMMITTEE', name: '北苑业委会', communityId: jinyang.id, termStartsOn: '2026-01-01' })),
    ).toBe('body.needsCompound');
    expect(
      await refusal(
        createBody(by, {
          kind: 'OWNERS_COMMITTEE',
          name: '北苑业委会',
          communityId: jinyang.id,
          compoundId: a.compound.id,
          termStartsOn: '2026-01-01',
          termEndsOn: '2025-01-01',
        }),
      ),
    ).toBe('body.termOrder');
    const body = await createBody(by, {
      kind: 'OWNERS_COMMITTEE',
      name: '北苑业委会',
      communityId: jinyang.id,
      compoundId: a.compound.id,
      seats: 5,
      termStartsOn: '2026-01-01',
      termEndsOn: '2030-12-31',
    });
    const owner = a.owners[1]!;
    const user = await createVerifiedResident(db, {
      personId: owner.id,
      phone: owner.phone!,
      password: 'x-pass-1234',
      householdId: a.households[1]!.id,
    });
    const m = await appointMember(by, {
      bodyId: body.id,
      name: owner.name,
      phone: owner.phone!,
      position: 'CHAIR',
      startsOn: '2026-01-01',
    });
    expect(
      await refusal(
        appointMember(by, { bodyId: body.id, name: owner.name, phone: owner.phone!, position: 'MEMBER', startsOn: '2026-01-01' }),
      ),
    ).toBe('body.alreadyMember');
    expect((await loadActor(user.id)).grants).toContainEqual(expect.objectContaining({ role: 'OWNERS_COMMITTEE_CHAIR', bodyId: body.id }));
    expect(await refusal(endMembership(by, { memberId: m.id, endsOn: '2025-12-31' }))).toBe('body.termOrder');
    await endMembership(by, { memberId: m.id, endsOn: '2026-06-30' });
    const ended = (await loadActor(user.id)).grants.find((g) => g.role === 'OWNERS_COMMITTEE_CHAIR');
    expect(ended?.endsOn).toBe('2026-06-30');
    expect(await refusal(endMembership(await byUser(staff.dongshengStreet.id), { memberId: m.id, endsOn: '2026-07-01' }))).toBe(
      'auth.forbidden',
    );
  });
});

describe('party-member profiles', () => {
  test('register members with skills and service posts, match them by skill, only in one’s own places', async () => {
    const { db, jinyang, tanghu, staff } = w;
    const org = await createPartyOrg(db, { kind: 'COMMUNITY_COMMITTEE', name: '晋阳社区党委', communityId: jinyang.id });
    const otherOrg = await createPartyOrg(db, { kind: 'COMMUNITY_COMMITTEE', name: '棠湖社区党委', communityId: tanghu.id });
    const by = await byUser(staff.jinyangSecretary.id);
    await savePartyMember(by, {
      partyOrgId: org.id,
      name: '周建国',
      phone: '13600000001',
      dualRegistered: true,
      mobile: false,
      workUnit: '武侯区人民医院',
      servicePost: '健康服务岗',
      skills: ['医疗', '急救', '医疗'],
      interests: ['太极'],
      intentions: '周末可参加义诊',
    });
    await savePartyMember(by, {
      partyOrgId: org.id,
      name: '吴秀兰',
      phone: '13600000002',
      dualRegistered: false,
      mobile: false,
      skills: ['电工'],
      interests: [],
    });
    expect((await listPartyMembers(by, { skill: '急救' })).map((m) => [m.person.name, m.skills, m.dualRegistered])).toEqual([
      ['周建国', ['医疗', '急救'], true],
    ]);
    expect(await listPartyMembers(by)).toHaveLength(2);
    expect(
      await refusal(
        savePartyMember(by, {
          partyOrgId: otherOrg.id,
          name: 'x',
          phone: '13600000003',
          dualRegistered: false,
          mobile: false,
          skills: [],
          interests: [],
        }),
      ),
    ).toBe('auth.forbidden');
    expect(await listPartyMembers(await byUser(staff.dongshengStreet.id))).toEqual([]);
    // A branch secretary of one compound only sees members of organisations in that compound.
    const branchSecretary = await createStaff(db, {
      name: '支书',
      phone: '13600000009',
      password: 'x-pass-1234',
      role: 'BRANCH_SECRETARY',
      placeLevel: 'COMPOUND',
      placeId: w.a.compound.id,
    });
    expect(await listPartyMembers(await byUser(branchSecretary.id))).toEqual([]);
  });
});
