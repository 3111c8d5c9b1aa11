import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { createPartyOrg, dissolvePartyOrg, mergePartyOrgs, renamePartyOrg } from '@/server/party/orgs';
import { listPartyOrgsInScope, savePartyMember } from '@/server/territory-admin/party-members';
import { createPeople } from '../../factories/people';
import { NameSource } from '../../factories/names';
import { partyWorld } from './support';

let w: Awaited<ReturnType<typeof partyWorld>>;
beforeAll(async () => {
  w = await partyWorld();
});

describe('party organisations at every level (issue 18 item 2)', () => {
  test('each level is set up by the level above it: district → street 党工委, street → 社区党委, community → branches, branch → groups', async () => {
    const { db, by, street, jinyang, grid, a } = w;
    const swc = await createPartyOrg(by.district, { kind: 'STREET_WORKING_COMMITTEE', name: '晋阳街道党工委', placeId: street.id });
    expect(swc).toMatchObject({ communityId: null, streetId: street.id, districtId: street.districtId });
    const committee = await createPartyOrg(by.street, {
      kind: 'COMMUNITY_COMMITTEE',
      name: '晋阳社区党委',
      placeId: jinyang.id,
      parentId: swc.id,
    });
    const gridBranch = await createPartyOrg(by.community, {
      kind: 'GRID_BRANCH',
      name: '第一网格党支部',
      placeId: grid.id,
      parentId: committee.id,
    });
    expect(gridBranch).toMatchObject({ communityId: jinyang.id, gridId: grid.id });
    const branch = await createPartyOrg(by.community, {
      kind: 'COMPOUND_BRANCH',
      name: '北苑小区党支部',
      placeId: a.compound.id,
      parentId: committee.id,
    });
    const building = await db.building.findFirstOrThrow({ where: { compoundId: a.compound.id } });
    const group = await createPartyOrg(by.branch, {
      kind: 'BUILDING_GROUP',
      name: '北苑1栋党小组',
      placeId: building.id,
      parentId: branch.id,
    });
    expect(group).toMatchObject({ compoundId: a.compound.id, buildingId: building.id, parentId: branch.id });
    const audits = await db.auditLog.findMany({ where: { action: 'partyOrg.create' }, orderBy: { id: 'asc' } });
    expect(audits.map((x) => x.entityId)).toEqual([swc, committee, gridBranch, branch, group].map((o) => String(o.id)));
  });

  test('nobody builds at their own level or elsewhere, a wrong parent is refused, and nothing is written', async () => {
    const { db, by, street, jinyang, tanghu, a } = w;
    const before = await db.partyOrg.count();
    const swc = await db.partyOrg.findFirstOrThrow({ where: { kind: 'STREET_WORKING_COMMITTEE', streetId: street.id } });
    const cases = [
      [by.street, { kind: 'STREET_WORKING_COMMITTEE', name: 'x1', placeId: street.id }, 'auth.forbidden'],
      [by.community, { kind: 'COMMUNITY_GENERAL_BRANCH', name: 'x2', placeId: jinyang.id }, 'auth.forbidden'],
      [by.otherStreet, { kind: 'COMMUNITY_COMMITTEE', name: 'x3', placeId: jinyang.id }, 'auth.forbidden'],
      [by.street, { kind: 'COMMUNITY_COMMITTEE', name: 'x4', placeId: tanghu.id }, 'auth.forbidden'],
      [by.gridWorker, { kind: 'COMPOUND_BRANCH', name: 'x5', placeId: a.compound.id }, 'auth.forbidden'],
      [by.branch, { kind: 'COMPOUND_BRANCH', name: 'x6', placeId: a.compound.id }, 'auth.forbidden'],
      [by.district, { kind: 'STREET_WORKING_COMMITTEE', name: 'x7', placeId: street.id, parentId: swc.id }, 'partyOrg.parentLevel'],
      [by.district, { kind: 'STREET_WORKING_COMMITTEE', name: '晋阳街道党工委', placeId: street.id }, 'partyOrg.nameTaken'],
    ] as const;
    for (const [who, input, code] of cases) expect([input.name, await refusal(createPartyOrg(who, input))]).toEqual([input.name, code]);
    expect(await db.partyOrg.count()).toBe(before);
  });

  test('the database refuses a kind naming the wrong places and a parent that does not rank above its child', async () => {
    const { db, street, jinyang, a } = w;
    const base = { districtId: street.districtId, streetId: street.id, communityId: jinyang.id };
    await expect(
      db.partyOrg.create({ data: { ...base, kind: 'COMMUNITY_COMMITTEE', name: 'y1', compoundId: a.compound.id } }),
    ).rejects.toThrow();
    await expect(db.partyOrg.create({ data: { ...base, kind: 'STREET_WORKING_COMMITTEE', name: 'y2' } })).rejects.toThrow();
    const group = await db.partyOrg.findFirstOrThrow({ where: { kind: 'BUILDING_GROUP' } });
    const committee = await db.partyOrg.findFirstOrThrow({ where: { kind: 'COMMUNITY_COMMITTEE', communityId: jinyang.id } });
    await expect(db.partyOrg.update({ where: { id: committee.id }, data: { parentId: group.id } })).rejects.toThrow(/rank above/);
  });

  test('two organisations of one name set up at once: one is made, the other refused', async () => {
    const { db, by, a } = w;
    const results = await Promise.all(
      [by.community, by.street].map((who) =>
        refusal(createPartyOrg(who, { kind: 'COMPOUND_BRANCH', name: '北苑第二党支部', placeId: a.compound.id })),
      ),
    );
    expect(results.sort()).toEqual(['no refusal', 'partyOrg.nameTaken']);
    expect(await db.partyOrg.count({ where: { name: '北苑第二党支部' } })).toBe(1);
  });

  test('a rename keeps the former name; a dissolved organisation keeps its rows, ends its posts and takes no rename', async () => {
    const { db, by, a } = w;
    const org = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: '临时党支部', placeId: a.compound.id });
    expect(await refusal(renamePartyOrg(by.branch, { partyOrgId: org.id, name: '改名' }))).toBe('auth.forbidden');
    await renamePartyOrg(by.community, { partyOrgId: org.id, name: '北苑功能型党支部' });
    expect(await db.partyOrgFormerName.findMany({ where: { partyOrgId: org.id }, select: { name: true } })).toEqual([
      { name: '临时党支部' },
    ]);
    const [person] = await createPeople(db, 1, new NameSource(7, '1371117'));
    await db.partyOrgMember.create({
      data: { partyOrgId: org.id, personId: person!.id, position: 'SECRETARY', startsOn: new Date('2025-01-01') },
    });
    await dissolvePartyOrg(by.community, { partyOrgId: org.id });
    const after = await db.partyOrg.findUniqueOrThrow({ where: { id: org.id }, include: { positions: true } });
    expect(after.dissolvedOn).not.toBeNull();
    expect(after.positions.every((p) => p.endsOn !== null)).toBe(true);
    expect(await refusal(renamePartyOrg(by.community, { partyOrgId: org.id, name: '再改' }))).toBe('partyOrg.dissolved');
    expect((await listPartyOrgsInScope(by.community)).map((o) => o.id)).not.toContain(org.id);
    // Its name is free again for a new organisation.
    await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: '北苑功能型党支部', placeId: a.compound.id });
  });

  test('a merge moves the members and the organisations under it to the target, audited; dissolving with members is refused', async () => {
    const { db, by, a } = w;
    const from = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: '北苑东区党支部', placeId: a.compound.id });
    const into = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: '北苑西区党支部', placeId: a.compound.id });
    const building = await db.building.findFirstOrThrow({ where: { compoundId: a.compound.id } });
    const group = await createPartyOrg(by.branch, {
      kind: 'BUILDING_GROUP',
      name: '东区1栋党小组',
      placeId: building.id,
      parentId: from.id,
    });
    const people = await createPeople(db, 2, new NameSource(8, '1371118'));
    await db.partyMember.createMany({ data: people.map((p) => ({ personId: p.id, partyOrgId: from.id })) });
    expect(await refusal(dissolvePartyOrg(by.community, { partyOrgId: from.id }))).toBe('partyOrg.hasMembers');
    expect(await refusal(mergePartyOrgs(by.branch, { fromId: from.id, intoId: into.id }))).toBe('auth.forbidden');
    await mergePartyOrgs(by.community, { fromId: from.id, intoId: into.id });
    expect(await db.partyMember.count({ where: { partyOrgId: into.id } })).toBe(2);
    expect(await db.partyOrg.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ parentId: into.id });
    expect(await db.partyOrg.findUniqueOrThrow({ where: { id: from.id } })).toMatchObject({ mergedIntoId: into.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'partyOrg.merge', entityId: String(from.id) } });
    expect((audit.after as { membersMoved: number[] }).membersMoved).toHaveLength(2);
  });

  test('two opposite merges at once (A into B, B into A): exactly one goes through', async () => {
    const { db, by, a } = w;
    const x = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: '甲支部', placeId: a.compound.id });
    const y = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: '乙支部', placeId: a.compound.id });
    const results = await Promise.all([
      refusal(mergePartyOrgs(by.community, { fromId: x.id, intoId: y.id })),
      refusal(mergePartyOrgs(by.street, { fromId: y.id, intoId: x.id })),
    ]);
    expect(results.sort()).toEqual(['no refusal', 'partyOrg.dissolved']);
    const rows = await db.partyOrg.findMany({ where: { id: { in: [x.id, y.id] } } });
    expect(rows.filter((r) => r.dissolvedOn === null)).toHaveLength(1);
  });

  test('review: an organisation set up under a parent being dissolved at that moment — never a child under a dissolved parent', async () => {
    const { db, by, a } = w;
    const building = await db.building.findFirstOrThrow({ where: { compoundId: a.compound.id } });
    for (let i = 0; i < 6; i++) {
      const parent = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: `临时支部${i}`, placeId: a.compound.id });
      await Promise.all([
        refusal(dissolvePartyOrg(by.community, { partyOrgId: parent.id })),
        refusal(createPartyOrg(by.branch, { kind: 'BUILDING_GROUP', name: `临时小组${i}`, placeId: building.id, parentId: parent.id })),
      ]);
      const [p, children] = await Promise.all([
        db.partyOrg.findUniqueOrThrow({ where: { id: parent.id } }),
        db.partyOrg.count({ where: { parentId: parent.id, dissolvedOn: null } }),
      ]);
      expect({ dissolved: p.dissolvedOn !== null, children }).not.toEqual({ dissolved: true, children: 1 });
    }
  });

  test('review: a party member saved into an organisation being dissolved at that moment — never a member of a dissolved one', async () => {
    const { db, by, a } = w;
    for (let i = 0; i < 6; i++) {
      const org = await createPartyOrg(by.community, { kind: 'COMPOUND_BRANCH', name: `将撤支部${i}`, placeId: a.compound.id });
      await Promise.all([
        refusal(dissolvePartyOrg(by.community, { partyOrgId: org.id })),
        refusal(
          savePartyMember(by.community, {
            partyOrgId: org.id,
            name: `新党员${i}`,
            phone: `1371119000${i}`,
            dualRegistered: false,
            mobile: false,
            skills: [],
            interests: [],
          }),
        ),
      ]);
      const [o, members] = await Promise.all([
        db.partyOrg.findUniqueOrThrow({ where: { id: org.id } }),
        db.partyMember.count({ where: { partyOrgId: org.id } }),
      ]);
      expect({ dissolved: o.dissolvedOn !== null, members }).not.toEqual({ dissolved: true, members: 1 });
    }
  });
});
