import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../../prisma/seed/index.ts';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { byUser, TODAY } from '../accounts/support';
import { verifyChain } from '@/server/notices/publish';
import { myTasks } from '@/server/topics/my-tasks';
import { loadDivisions } from '@/server/territory/load-divisions';
import { testDb } from '../db';

describe('reference data and demo seed', () => {
  test('the real divisions are loaded once: all of Chengdu and Bazhong plus the scenario districts', async () => {
    const db = testDb();
    expect(await db.district.count()).toBe(27);
    expect(await db.street.count()).toBe(421);
    expect(await db.community.count({ where: { code: { startsWith: '5101' } } })).toBe(3047);
    // 巴中市, seed place of the "red steward" practice: its five districts.
    expect((await db.district.findMany({ where: { cityName: '巴中市' }, orderBy: { code: 'asc' } })).map((d) => d.name)).toEqual([
      '巴州区',
      '恩阳区',
      '通江县',
      '南江县',
      '平昌县',
    ]);
    // A second load (every npm start) changes nothing.
    expect(await loadDivisions(db)).toBe(0);
    expect(await db.community.count()).toBe(5078);
    const jinyang = await db.community.findUniqueOrThrow({
      where: { code: '510107009003' },
      include: { street: { include: { district: true } } },
    });
    expect([jinyang.street.district.name, jinyang.street.name, jinyang.name, jinyang.initials]).toEqual([
      '武侯区',
      '晋阳街道',
      '晋阳社区',
      'jysq',
    ]);
  });

  test('the demo seed builds every scenario place, once, in one go', async () => {
    const db = testDb();
    // As on an install whose shipped divisions predate Bazhong: the demo's Bazhong stage brings them.
    await db.$executeRaw`DELETE FROM "Community" WHERE code LIKE '5119%'`;
    await db.$executeRaw`DELETE FROM "Street" WHERE code LIKE '5119%'`;
    await db.$executeRaw`DELETE FROM "District" WHERE code LIKE '5119%'`;
    expect(await seedDemo(db)).toBe(true);
    expect(await db.auditLog.findFirst({ where: { action: 'divisions.add', entityId: '5119' } })).toMatchObject({
      after: { districts: 5 },
    });
    const counts = async () => ({
      compounds: await db.compound.count(),
      people: await db.person.count(),
      audit: await db.auditLog.count(),
    });
    const first = await counts();
    expect(await seedDemo(db)).toBe(false);
    expect(await counts()).toEqual(first);

    // Issue 22 items 5 and 6: 龙躺梁's residents' meeting of households with its topic's motion linked, and an art. 10 request.
    const residents = await db.meeting.findFirstOrThrow({ where: { title: '龙躺梁小区居民会议（按户）' } });
    expect(residents).toMatchObject({ kind: 'RESIDENTS_MEETING', electorate: 'HOUSEHOLDS' });
    expect(await db.motion.findFirst({ where: { meetingId: residents.id }, select: { roster: true } })).toMatchObject({
      roster: expect.any(Array),
    });
    const request = await db.meetingRequest.findFirstOrThrow({
      where: { basis: 'HOUSEHOLDS' },
      include: { _count: { select: { supports: true } } },
    });
    expect(request).toMatchObject({ status: 'OPEN' });
    expect(request._count.supports).toBeGreaterThanOrEqual(2);

    const names = (await db.compound.findMany({ select: { name: true } })).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['北苑小区', '龙躺梁老旧小区', '金沙小区', '欧城花园', '鼓楼佳苑']));

    // Issue 19 item 7, through the use cases: 龙躺梁's contact chain, and an issue its party-member household recorded for an
    // elderly neighbour, marked as recorded on their behalf.
    expect((await db.contactLink.findMany({ orderBy: { id: 'asc' }, select: { kind: true } })).map((l) => l.kind)).toEqual([
      'OFFICER_TO_BUILDING_HEAD',
      'BUILDING_HEAD_TO_PARTY_HOUSEHOLD',
      'PARTY_HOUSEHOLD_TO_RESIDENT',
    ]);
    const keeper = await db.user.findUniqueOrThrow({ where: { phone: '13900009403' } });
    expect(await db.issue.findFirstOrThrow({ where: { channel: 'CONTACT' } })).toMatchObject({
      enteredById: keeper.id,
      authorUserId: null,
    });

    // Issue 18 item 4, through the use cases: Tanghu's stationed unit and social organisation, audited; Oucheng Garden's
    // property firm has a staff login that holds the compound while the firm serves it.
    const tanghuOrgs = await db.organizationAssignment.findMany({
      where: { community: { code: '510116001001' }, compoundId: null },
      select: { relation: true, organization: { select: { kind: true } } },
    });
    // …and the mediation studio that serves it (issue 21, prisma/seed/mediation.ts).
    expect(tanghuOrgs.map((a) => [a.organization.kind, a.relation]).sort()).toEqual([
      ['MEDIATION_STUDIO', 'SERVICE'],
      ['SOCIAL_ORG', 'SERVICE'],
      ['STATIONED_UNIT', 'STATIONED'],
    ]);
    expect(await db.auditLog.count({ where: { action: 'organization.create', actorLabel: '陈双流' } })).toBe(3);
    const firmStaff = await db.user.findUniqueOrThrow({ where: { phone: '13900008001' }, include: { grants: true } });
    expect(firmStaff.grants.map((g) => [g.role, g.placeLevel, g.placeId, g.organizationAssignmentId !== null])).toEqual([
      ['PROPERTY_FIRM_STAFF', 'COMPOUND', (await db.compound.findFirstOrThrow({ where: { name: '欧城花园' } })).id, true],
    ]);

    // Issue 19 items 8 and 10, through the topic use cases: at Oucheng Garden one major matter passed its party-members-first
    // step (members' suggestions, their recorded view) and is open to residents; another is still the party members'; the
    // branch secretary 王秀英 is the liaison of both.
    const wang = await db.user.findUniqueOrThrow({ where: { phone: '13900002001' } });
    const partyFirst = await db.topic.findMany({
      where: { liaisonUserId: wang.id },
      orderBy: { id: 'asc' },
      include: { procedure: true, suggestions: true, records: true },
    });
    expect(
      partyFirst.map((t) => [t.procedure.version, t.stepIndex, t.partyOnly, t.suggestions.length, t.records.map((r) => r.kind)]),
    ).toEqual([
      [2, 1, false, 2, ['PARTY_VIEW']],
      [2, 0, true, 1, []],
    ]);

    // Issue 20 item 3: 鼓楼佳苑's vote closes within a day; only the council member who has not voted was reminded, and
    // her inbox holds the reminder with the topic's other news.
    const [voter, nonVoter] = await Promise.all(
      ['13900009641', '13900009642'].map((phone) => db.user.findUniqueOrThrow({ where: { phone }, select: { id: true } })),
    );
    const lights = await db.topic.findFirstOrThrow({ where: { title: '鼓楼佳苑楼道照明改造' } });
    const closing = await db.notification.findMany({ where: { kind: 'vote.closing', topicId: lights.id }, select: { userId: true } });
    expect(closing.map((n) => n.userId)).toEqual([nonVoter!.id]);
    expect(await db.notification.count({ where: { userId: voter!.id, topicId: lights.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: nonVoter!.id, topicId: lights.id } })).toBe(3);

    // S1: the community council of 37, the courtyard council of 5.
    const council = await db.body.findFirstOrThrow({ where: { name: '晋阳社区议事会' }, include: { members: true } });
    expect([council.kind, council.seats, council.members.length]).toEqual(['COMMUNITY_COUNCIL', 37, 37]);
    const courtyard = await db.body.findFirstOrThrow({ where: { name: '北苑院落议事会' }, include: { members: true } });
    expect(courtyard.members).toHaveLength(5);

    // S5 (rules.md §3): Oucheng Garden has the developer's unsold units and owners of two units.
    const oucheng = await db.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
    const units = await db.household.findMany({ where: { building: { compoundId: oucheng.id } }, include: { ownerships: true } });
    expect(units).toHaveLength(144);
    expect(units.filter((u) => u.developerHeld)).toHaveLength(6);
    expect(units.filter((u) => u.developerHeld).every((u) => u.ownerships.length === 0)).toBe(true);
    const unitsPerOwner = new Map<number, number>();
    for (const u of units) for (const o of u.ownerships) unitsPerOwner.set(o.personId, (unitsPerOwner.get(o.personId) ?? 0) + 1);
    expect([...unitsPerOwner.values()].filter((n) => n === 2)).toHaveLength(4);
    expect(unitsPerOwner.size).toBe(144 - 6 - 4);
    expect(Number.isInteger(units[0]!.areaCentiM2)).toBe(true);

    // Bazhong's red steward: three levels of party organisation, a property firm with its own branch, a 物管会.
    const gulou = await db.compound.findFirstOrThrow({
      where: { name: '鼓楼佳苑' },
      include: { community: { include: { street: { include: { district: true } } } } },
    });
    expect([gulou.community.street.district.cityName, gulou.community.street.district.name, gulou.community.name]).toEqual([
      '巴中市',
      '巴州区',
      '鼓楼社区',
    ]);
    const levels = await db.partyOrg.findMany({ where: { communityId: gulou.communityId }, orderBy: { id: 'asc' } });
    expect(levels.map((o) => o.kind)).toEqual(['COMMUNITY_COMMITTEE', 'COMPOUND_BRANCH', 'BUILDING_GROUP', 'BUILDING_GROUP']);
    expect(levels[2]!.parentId).toBe(levels[1]!.id);
    // Issue 18 item 2: above them the street's 党工委, all set up through the use cases by Bazhou's district administrator
    // (audited), with the firm's man as a part-time committee member (兼职委员) of the community's committee.
    const swc = await db.partyOrg.findFirstOrThrow({ where: { id: levels[0]!.parentId! } });
    expect([swc.kind, swc.name, swc.streetId]).toEqual(['STREET_WORKING_COMMITTEE', '东城街道党工委', gulou.community.streetId]);
    const created = await db.auditLog.findMany({
      where: { action: 'partyOrg.create', entityId: { in: [swc, ...levels].map((o) => String(o.id)) } },
    });
    expect(created).toHaveLength(5);
    expect(new Set(created.map((a) => a.actorLabel))).toEqual(new Set(['巴州区管理员']));
    const officers = await db.partyOrgMember.findMany({ where: { partyOrgId: levels[0]!.id }, include: { organization: true } });
    expect(officers.map((o) => [o.position, o.organization?.name ?? null])).toEqual([
      ['SECRETARY', null],
      ['COMMITTEE_MEMBER', '巴中红管家物业服务有限公司'],
    ]);
    expect(await db.auditLog.count({ where: { action: 'partyOrg.appoint' } })).toBeGreaterThanOrEqual(3);
    // A scenario street of Chengdu gets its 党工委 too, from Shuangliu's district administrator.
    expect(await db.partyOrg.findFirst({ where: { name: '东升街道党工委', kind: 'STREET_WORKING_COMMITTEE' } })).not.toBeNull();
    const firm = await db.organizationAssignment.findFirstOrThrow({ where: { compoundId: gulou.id }, include: { organization: true } });
    expect([firm.organization.name, firm.organization.hasPartyOrg, firm.relation]).toEqual([
      '巴中红管家物业服务有限公司',
      true,
      'PROPERTY_SERVICE',
    ]);
    const pmc = await db.body.findFirstOrThrow({ where: { compoundId: gulou.id }, include: { members: true } });
    expect([pmc.kind, pmc.members.length]).toEqual(['PROPERTY_MANAGEMENT_COMMITTEE', 5]);

    // S3: building 3 of Jinsha has a party-member central household in its building group.
    const group = await db.partyOrg.findFirstOrThrow({
      where: { name: '金沙3栋党小组' },
      include: { positions: { include: { person: true } }, building: true },
    });
    expect(group.building?.name).toBe('3栋');
    expect(group.positions.map((p) => [p.person.name, p.position])).toEqual([['陈德明', 'CENTRAL_HOUSEHOLD']]);

    // S2: the parking topic from three reports, drafting its plan (revised once); S4 waiting for the branch.
    const s2 = await db.topic.findFirstOrThrow({
      where: { title: '龙躺梁小区停车秩序' },
      include: { _count: { select: { stakeholders: true, suggestions: true, planVersions: true } } },
    });
    expect([s2.stepIndex, s2._count.stakeholders, s2._count.suggestions, s2._count.planVersions]).toEqual([2, 6, 4, 2]);
    expect(await db.issue.count({ where: { topicId: s2.id } })).toBe(3);
    expect((await db.topic.findFirstOrThrow({ where: { title: '使用维修资金更换 2 栋电梯' } })).assemblyMatter).toBe(5);
    // S2's consultation meeting: 钱明 reported anonymously — the organiser's sign-in sheet never lists him; he hears of it alone.
    const consultation = await db.meeting.findFirstOrThrow({ where: { title: '龙躺梁小区停车协商会' } });
    const organiser = await db.user.findUniqueOrThrow({ where: { phone: '13900007001' } });
    const sheet = (await getMeetingView(await byUser(organiser.id, '赵桂芳'), consultation.id))?.staff?.invitees.map((i) => i.name) ?? [];
    const qian = await db.user.findUniqueOrThrow({ where: { phone: '13900007003' }, include: { person: true } });
    expect([
      sheet.includes('孙丽'),
      sheet.includes('钱明'),
      await db.meetingInvite.count({ where: { meetingId: consultation.id, personId: qian.personId } }),
    ]).toEqual([true, false, 0]);
    expect(await db.notification.count({ where: { userId: qian.id, kind: 'topic.onAgenda' } })).toBe(1);
    // S1 on the board: decision with the 37-member tally, budget vs actual, in an intact chain.
    const decision = await db.notice.findFirstOrThrow({ where: { kind: 'DECISION', topic: { title: '北苑小区后门维修' } } });
    expect(decision.body).toContain('赞成 25，应到 37，需三分之二以上（至少 25），达到');
    expect((await db.notice.findFirstOrThrow({ where: { kind: 'FINANCE', topic: { title: '北苑小区后门维修' } } })).body).toContain(
      '预算 36,000.00 元，实际支出 34,500.00 元，节约 1,500.00 元。',
    );
    // S1's four notices, the bike-shed topic's first progress bulletin (issue 19), 龙躺梁 1号楼's 楼栋长 result (issue 22),
    // 北苑's satisfaction survey results (issue 23, decision 073), 欧城花园's maintenance-fund statement (decision 071), the
    // consultation lists of 晋阳 and 龙躺梁 (decision 072) and 晋阳社区's disclosures from its catalogue (decision 070;
    // prisma/seed/disclosure.ts: how many depends on today's date).
    const disclosed = await db.notice.count({ where: { kind: 'DISCLOSURE' } });
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 10 + disclosed });
    expect(await db.consultationList.count({ where: { status: 'PUBLISHED' } })).toBe(2);
    expect(
      await db.topic.count({
        where: { title: '龙躺梁小区停车秩序', consultationItem: { title: '停车管理', category: { code: 'PARKING' } } },
      }),
    ).toBe(1);
    // S4's rhythm: reception days (6th, 26th) and joint meetings (16th) for the year; a council meeting today.
    expect(await db.meeting.count({ where: { kind: 'RECEPTION_DAY', title: '欧城花园业主接待日' } })).toBeGreaterThanOrEqual(22);
    expect(await db.meeting.count({ where: { kind: 'JOINT' } })).toBeGreaterThanOrEqual(11);
    expect(await db.meetingInvite.count({ where: { meeting: { title: '晋阳社区议事会例会' } } })).toBe(37);
    // Decision 066: the joint meeting is held by the branch, the owners' committee (7) and the supervisory committee (3);
    // 王秀英 is in the branch and the committee and is invited once: 应到 = the union.
    const joint = await db.meeting.findFirstOrThrow({ where: { kind: 'JOINT' }, include: { hosts: { include: { members: true } } } });
    expect(joint.hosts.map((h) => h.members.length).sort()).toEqual([1, 3, 7]);
    expect(await db.meetingInvite.count({ where: { meetingId: joint.id, member: true } })).toBe(10);
    expect(await db.meetingHost.count({ where: { series: { kind: 'JOINT' } } })).toBe(3);
    expect(await db.meetingType.count({ where: { retiredOn: null } })).toBe(12);
    // Decision 067: 欧城花园's open 主题党日 held with a resident and two walk-ins, and a quarterly one proposed, waiting.
    const partyDay = { meeting: { title: '开放式主题党日：垃圾分类进小区' } };
    expect(await db.attendance.count({ where: { ...partyDay, walkInName: { not: null } } })).toBe(2);
    expect(await db.meeting.count({ where: { title: '每季度开放式主题党日', approval: 'PROPOSED' } })).toBeGreaterThanOrEqual(4);
    // Open votes: the council roadshow (37) and S5's written consultation of 欧城花园's owners with areas.
    const s5 = await db.motion.findFirstOrThrow({ where: { topic: { title: '使用维修资金更换 3 栋电梯' } }, include: { roll: true } });
    expect([s5.mode, s5.roll.length, s5.roll.find((r) => r.voterKey === 0)?.units]).toEqual(['WRITTEN', 144 - 6 - 4 + 1, 6]);
    expect(await db.motionVoter.count({ where: { motion: { topic: { title: '北苑小区电动车充电棚' } } } })).toBe(37);
    // The seed leaves an audit row.
    expect(await db.auditLog.count({ where: { action: 'demo.seed' } })).toBe(1);
    // Jinsha's grids, built through the grid use cases (issue 18 item 3): two grids divided into micro-grids, every
    // building in one, a worker on duty, a central household — and an issue routed by grid to the central household.
    const jinsha = await db.grid.findMany({
      where: { community: { code: '510502006006' } },
      select: {
        name: true,
        parent: { select: { name: true } },
        buildings: { select: { name: true } },
        duties: { select: { title: true } },
      },
      orderBy: { id: 'asc' },
    });
    expect(jinsha.map((g) => [g.parent?.name ?? null, g.name, g.buildings.map((b) => b.name).join(), g.duties.length])).toEqual([
      [null, '金沙网格', '', 1],
      ['金沙网格', '金沙3栋微网格', '3栋', 0],
      ['金沙网格', '金沙1栋微网格', '1栋', 0],
      [null, '金沙二网格', '', 1],
      ['金沙二网格', '金沙2栋微网格', '2栋', 0],
    ]);
    const routed = await db.issue.findFirstOrThrow({ where: { title: '3栋独居老人几天没下楼' } });
    const chen = await db.user.findUniqueOrThrow({ where: { phone: '13900006002' } });
    expect(routed.assigneeUserId).toBe(chen.id);
    expect((await byUser(chen.id)).actor.grants.filter((g) => g.role === 'CENTRAL_HOUSEHOLD')).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { action: { in: ['grid.create', 'grid.assign', 'grid.duty', 'centralHousehold.choose'] } } }),
    ).toBe(8);
  });

  test('S2’s bike-shed topic: the firm’s login sees its tasks (one awaiting acceptance), a bulletin published and one drafted', async () => {
    const db = testDb();
    const staff = await db.user.findUniqueOrThrow({ where: { phone: '13900009101' } });
    const mine = await myTasks(await byUser(staff.id));
    expect(mine.map((k) => [k.title, k.status])).toEqual([
      ['新建车棚并安装充电桩', 'OPEN'],
      ['拆除旧车棚并清运', 'DONE'],
    ]);
    expect(mine[0]!.place).toBe('龙躺梁老旧小区');
    const bulletins = await db.progressBulletin.findMany({ where: { topicId: mine[0]!.topicId }, orderBy: { period: 'asc' } });
    expect(bulletins.map((b) => b.noticeId !== null)).toEqual([true, false]);
    // Both periods are over (the job drafts none before), and each says how the tasks stood when it ended.
    expect(bulletins.every((b) => b.toDay.toISOString().slice(0, 10) < TODAY)).toBe(true);
    expect(bulletins[0]!.body).not.toContain('申请验收');
    expect(await db.notice.count({ where: { topicId: mine[0]!.topicId, kind: 'PROGRESS', category: 'RESIDENTS' } })).toBe(1);
    expect(await db.taskUpdate.count({ where: { task: { topicId: mine[0]!.topicId }, photoKeys: { isEmpty: false } } })).toBe(1);
    // The S2 topic the other specs walk has not moved.
    expect((await db.topic.findFirstOrThrow({ where: { title: '龙躺梁小区停车秩序' } })).stepIndex).toBe(2);
  });
});
