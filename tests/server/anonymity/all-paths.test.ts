import ExcelJS from 'exceljs';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedLongtangliang } from '../../../prisma/seed/longtangliang';
import { listAudit } from '@/server/accounts/read-audit';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { mergeIssues, splitIssue } from '@/server/issues/merge-split';
import { raiseIssue } from '@/server/issues/raise-issue';
import { getIssueForViewer, listInbox, listMyIssues, listWorkQueue } from '@/server/issues/read-issues';
import { renderEmail, sendPendingEmails } from '@/server/mail/outbox';
import { closeMeeting } from '@/server/meetings/attendance';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { addAgendaItem, advanceMinutes, publishMinutes, saveMinutes } from '@/server/meetings/records';
import { fileObjection } from '@/server/notices/board';
import { financeOf, getNoticeView, listBoard } from '@/server/notices/read-board';
import { apiClientFor, issueApiKey } from '@/server/open311/api-keys';
import { getServiceRequests } from '@/server/open311/georeport';
import { advanceTopic } from '@/server/topics/advance-topic';
import { publishTopicNotice } from '@/server/topics/notices';
import { addTask, updateTask } from '@/server/topics/delivery';
import { recordMotionTally } from '@/server/topics/motions';
import { addSuggestion, inviteStakeholders, stakeholderCandidates } from '@/server/topics/participation';
import { addPlanVersion, recordConsensus } from '@/server/topics/plans';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer, listTopics } from '@/server/topics/read-topic';
import { exportFile, requestExport, runExport } from '@/server/stats/export';
import { refreshStats } from '@/server/stats/refresh';
import { motionView } from '@/server/votes/ballots';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createMeeting } from '../../factories/meetings';
import { NameSource } from '../../factories/names';
import { byUser } from '../accounts/support';
import { testDb } from '../db';

const NAME = '背靠背居民甲';
const PHONE = '13877776666';
const EMAIL = 'beikaobei-jia@example.cn';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  process.env.YISHI_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'yishi-anon-files-'));
  await ensureIssueCategories(db);
  await ensureProcedures(db);
  const { compoundId } = await seedLongtangliang(db as never, new NameSource(11));
  const compound = await db.compound.findUniqueOrThrow({
    where: { id: compoundId },
    include: { buildings: { include: { households: { include: { ownerships: true } } } } },
  });
  const households = compound.buildings.flatMap((b) => b.households);
  const resident = async (i: number, name: string, phone: string, email: string) => {
    const h = households[40 + i]!;
    const personId = h.ownerships[0]!.personId;
    await db.person.update({ where: { id: personId }, data: { name, phone } });
    const u = await createVerifiedResident(db, { personId, phone, password: 'x-pass-1234', householdId: h.id });
    await db.user.update({ where: { id: u.id }, data: { email } });
    return { ...u, personId };
  };
  const anon = await resident(0, NAME, PHONE, EMAIL);
  const named = await resident(1, '实名居民乙', '13877770001', 'yi@example.cn');
  const neighbour = await resident(2, '实名邻居丙', '13877770002', 'bing@example.cn');
  const secretary = await createStaff(db, {
    name: '龙书记',
    phone: '13877770010',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: compound.communityId,
  });
  await db.user.update({ where: { id: secretary.id }, data: { email: 'shuji@example.cn' } });
  const street = await createStaff(db, {
    name: '街道干部',
    phone: '13877770011',
    password: 'staff-pass-1',
    role: 'STREET_STAFF',
    placeLevel: 'STREET',
    placeId: compound.streetId,
  });
  const admin = await createStaff(db, {
    name: '区管理员',
    phone: '13877770012',
    password: 'staff-pass-1',
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: compound.districtId,
  });
  const parking = await db.issueCategory.findFirstOrThrow({ where: { code: 'PARKING', districtId: null } });
  const sevenStep = (await proceduresFor(compound.districtId)).find((p) => p.code === 'SEVEN_STEP')!;
  return { db, compound, anon, named, neighbour, secretary, street, admin, parking, sevenStep };
}
beforeAll(async () => {
  w = await setup();
});
afterAll(() => rmSync(process.env.YISHI_DATA_DIR!, { recursive: true, force: true }));

const json = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));

describe('one anonymous report through every path it can take', () => {
  test('merge, split, topic, agenda, meeting, minutes, vote, notices, Open311, audit, inboxes, mail: the name and phone reach nobody else', async () => {
    const { db, compound, anon, named, neighbour, secretary, street, admin, parking, sevenStep } = w;
    const sec = await byUser(secretary.id, '龙书记');
    const me = await byUser(anon.id, NAME);
    const report = (by: Parameters<typeof raiseIssue>[0], key: string, anonymous: boolean, title = '小区停车乱') =>
      raiseIssue(by, {
        categoryId: parking.id,
        title,
        description: '晚上车停满消防通道，老人出行不便',
        compoundId: compound.id,
        anonymous,
        idempotencyKey: key,
      });

    // Merge an anonymous report into a named one; its reporter rates the kept issue.
    const named1 = await report(await byUser(named.id, '实名居民乙'), 'ap-named-1', false, '外来车辆占位');
    const anon1 = await report(me, 'ap-anon-1', true, '外来车辆占位严重');
    await mergeIssues(sec, named1.id, [anon1.id]);
    await actOnIssue(sec, named1.id, { type: 'ACKNOWLEDGE' });
    await actOnIssue(sec, named1.id, { type: 'RESOLVE', message: '已张贴告示，安排保安巡查' });
    await actOnIssue(me, named1.id, { type: 'RATE', rating: 'SATISFIED', comment: '好多了' });

    // The reverse: a named report merged into an anonymous one, then a matter split off it.
    const anon2 = await report(me, 'ap-anon-2', true);
    const named2 = await report(await byUser(neighbour.id, '实名邻居丙'), 'ap-named-2', false, '停车没规矩');
    await mergeIssues(sec, anon2.id, [named2.id]);
    const split = await splitIssue(sec, anon2.id, { title: '收费不透明', description: '停车收费标准不清楚，没有公示' });

    // The anonymous issues become a topic; it goes through the seven steps.
    const { id: topicId } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '龙躺梁停车秩序',
      description: '居民反映停车乱、收费不透明。',
      compoundId: compound.id,
      communityId: compound.communityId,
      procedureId: sevenStep.id,
      issueIds: [anon2.id, split.id],
    });
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });
    const candidates = await stakeholderCandidates(sec, topicId);
    await inviteStakeholders(
      sec,
      topicId,
      candidates.map((c) => c.key),
    );
    await addSuggestion(me, topicId, { stance: 'AMEND', body: '收费要低，老人车辆优惠', anonymous: true });
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });
    const { id: plan } = await addPlanVersion(sec, topicId, {
      title: '停车公约',
      body: '划定 64 个车位，每月 50 元。',
      convention: true,
      budgetFen: 800_000,
      funding: [{ source: '停车费', amountFen: 800_000 }],
    });
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });

    // A consultation meeting with the topic on its agenda: held, minuted, published.
    const meeting = await createMeeting(db, {
      kind: 'CONSULTATION',
      title: '停车协商会',
      communityId: compound.communityId,
      compoundId: compound.id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      minutes: 120,
      location: '党群服务站',
      createdById: secretary.id,
    });
    await addAgendaItem(sec, meeting.id, { title: '停车公约', topicId });
    const organiserView = await getMeetingView(sec, meeting.id);
    // Named followers are still invited as guests (列席).
    expect(organiserView?.staff?.invitees.map((i) => i.name)).toContain('实名邻居丙');
    await recordConsensus(sec, topicId, {
      statement: '与会各方同意停车公约',
      participants: ['龙书记', '居民代表', '物业'],
      heldOn: '2026-11-20',
      planVersionId: plan,
    });
    await closeMeeting(sec, meeting.id);
    await saveMinutes(sec, meeting.id, '协商会同意停车公约，提交居民代表会议表决。');
    await advanceMinutes(sec, meeting.id, 'CIRCULATED');
    await advanceMinutes(sec, meeting.id, 'APPROVED');
    const { noticeId: minutesNotice } = await publishMinutes(sec, meeting.id);
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });

    // The vote of the representatives, the decision on the board, an anonymous objection to it.
    await recordMotionTally(sec, topicId, { kind: 'BODY', present: 19, for: 15, against: 2, abstain: 2 });
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });
    const decision = await db.notice.findFirstOrThrow({ where: { topicId, kind: 'DECISION' } });
    await fileObjection(me, decision.id, { body: '收费标准应当再降低一些', anonymous: true });

    // Delivery: the reporter supervises the tasks.
    const { id: task } = await addTask(sec, topicId, { title: '施划车位', responsible: '物业', dueOn: '2026-12-15' });
    await updateTask(me, topicId, task, { kind: 'COMMENT', body: '3号楼前的线画歪了' });
    await updateTask(sec, topicId, task, { kind: 'DONE', body: '完成' });
    await updateTask(me, topicId, task, { kind: 'ACCEPT', body: '验收合格' });
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });

    // The mail job runs without SMTP: what it writes to the log is readable by whoever reads the log.
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void logged.push(json(args)));
    try {
      await sendPendingEmails(500, nodemailer.createTransport({ jsonTransport: true }));
    } finally {
      spy.mockRestore();
    }
    expect(logged.length).toBeGreaterThan(0);

    // The street's Excel export of the community this month (figures, and the late issues behind them).
    await refreshStats();
    const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
    const streetBy = await byUser(street.id, '街道干部');
    const exportId = await requestExport(
      streetBy,
      'DASHBOARD',
      { unit: { level: 'community', id: compound.communityId }, period: { from: month, to: month }, category: null, locale: 'zh-CN' },
      runExport,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportFile(street.id, exportId)).bytes as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues());
    expect(json(cells)).toContain('龙躺梁社区');

    // Everything anyone else can read.
    const client = (await apiClientFor((await issueApiKey(await byUser(admin.id), compound.districtId, '12345')).key))!;
    const issueIds = [named1.id, anon1.id, anon2.id, named2.id, split.id];
    const notices = await db.notice.findMany({ where: { OR: [{ topicId }, { id: minutesNotice }] }, select: { id: true } });
    const shared = {
      open311: [
        await getServiceRequests({ ids: issueIds }, client, 'zh-CN'),
        await getServiceRequests(
          { ids: issueIds, jurisdictionId: (await db.district.findUniqueOrThrow({ where: { id: compound.districtId } })).code },
          null,
          'zh-CN',
        ),
      ],
      board: await listBoard({ communityCode: '140302004004', archive: true }),
      notices: await Promise.all(notices.map((n) => getNoticeView(n.id, null))),
      finance: await financeOf('140302004004', new Date().getFullYear()),
      // The rows behind the organiser's pages and the sign-in sheet, the audit and the timelines.
      invitees: await db.meetingInvite
        .findMany({ where: { meetingId: meeting.id }, include: { meeting: { select: { title: true } } } })
        .then(async (rows) =>
          db.person.findMany({ where: { id: { in: rows.map((r) => r.personId) } }, select: { id: true, name: true, phone: true } }),
        ),
      audit: await db.auditLog.findMany(),
      issueEvents: await db.issueEvent.findMany(),
      topicEvents: await db.topicEvent.findMany(),
      taskUpdates: await db.taskUpdate.findMany({ select: { authorLabel: true, body: true } }),
      log: logged,
      excel: cells,
    };
    const others = [secretary, street, named, neighbour];
    const seen: Record<string, string> = Object.fromEntries(Object.entries(shared).map(([k, v]) => [k, json(v)]));
    for (const who of others) {
      const by = await byUser(who.id);
      const reachable = {
        issues: await Promise.all(issueIds.map((id) => getIssueForViewer(by, id))),
        mine: await listMyIssues(who.id),
        queue: await listWorkQueue(by),
        inbox: await listInbox(who.id),
        mails: (await db.notification.findMany({ where: { userId: who.id } })).map((n) => renderEmail(n, 'https://yishi.example')),
        audit: await listAudit(by),
        topics: await listTopics(by),
        topic: await getTopicForViewer(by, topicId),
        meeting: await getMeetingView(by, meeting.id),
        motions: await Promise.all((await db.motion.findMany({ where: { topicId } })).map((m) => motionView(by, m.id))),
        notices: await Promise.all(notices.map((n) => getNoticeView(n.id, by))),
      };
      for (const [k, v] of Object.entries(reachable)) seen[`${who.phone} ${k}`] = json(v);
    }
    seen.organiserDuringMeeting = json(organiserView);
    const secrets = [NAME, PHONE, `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`, EMAIL];
    const ids = [new RegExp(`"(actorUserId|actorId|authorUserId|authorId)":${anon.id}[,}]`), new RegExp(`"personId":${anon.personId}[,}]`)];
    const found = Object.entries(seen).flatMap(([where, text]) => [
      ...secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`),
      ...ids.filter((r) => r.test(text)).map((r) => `${where}: ${r.source}`),
    ]);
    expect(found).toEqual([]);

    // The reporter still sees their own issues, the topic and their own inbox.
    expect((await getIssueForViewer(me, anon2.id))?.author).toEqual({ name: NAME, phone: PHONE });
    expect((await listTopics(me)).map((t) => t.id)).toContain(topicId);
    expect((await listInbox(anon.id)).items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['issue.takenUp', 'topic.step', 'topic.onAgenda']),
    );
  });
});

describe('the public finance page', () => {
  test('lists only topics whose plan and money were published on the board', async () => {
    const { db, compound, secretary, sevenStep } = w;
    const sec = await byUser(secretary.id, '龙书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '内部讨论的围墙改造',
      description: '尚未公示的方案。',
      compoundId: compound.id,
      communityId: compound.communityId,
      procedureId: sevenStep.id,
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    await db.topic.update({ where: { id }, data: { stepIndex: 2 } });
    await addPlanVersion(sec, id, {
      title: '围墙方案',
      body: '拆除重建围墙。',
      convention: false,
      budgetFen: 5_550_000,
      funding: [{ source: '公益金', amountFen: 5_550_000 }],
    });
    const listed = async () => (await financeOf('140302004004', new Date().getFullYear()))!.projects.map((p) => p.id);
    expect(await listed()).not.toContain(id);
    const topic = await db.topic.findUniqueOrThrow({ where: { id } });
    await db.$transaction((tx) => publishTopicNotice(tx, topic, 'PLAN', secretary.id, topic.stepIndex));
    expect(await listed()).toContain(id);
  });
});

describe('each path on its own', () => {
  const raise = async (key: string, anonymous: boolean, userId: number, label: string) =>
    raiseIssue(await byUser(userId, label), {
      categoryId: w.parking.id,
      title: '消防通道被占',
      description: '晚上车停满消防通道',
      compoundId: w.compound.id,
      anonymous,
      idempotencyKey: key,
    });

  test('an anonymous duplicate’s reporter rates the kept named issue as 匿名居民 in its timeline and audit', async () => {
    const { db, anon, named, secretary } = w;
    const sec = await byUser(secretary.id, '龙书记');
    const kept = await raise('one-named', false, named.id, '实名居民乙');
    const dup = await raise('one-anon', true, anon.id, NAME);
    await mergeIssues(sec, kept.id, [dup.id]);
    await actOnIssue(sec, kept.id, { type: 'RESOLVE', message: '已清理' });
    await actOnIssue(await byUser(anon.id, NAME), kept.id, { type: 'RATE', rating: 'SATISFIED' });
    const rate = await db.issueEvent.findFirstOrThrow({ where: { issueId: kept.id, type: 'RATE' } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: String(kept.id), action: 'issue.rate' } });
    expect([rate.actorLabel, rate.actorUserId, audit.actorLabel, audit.actorId]).toEqual(['匿名居民', null, '匿名居民', null]);
    // The named author of the kept issue still rates by name.
    const other = await raise('one-named-2', false, named.id, '实名居民乙');
    await actOnIssue(sec, other.id, { type: 'RESOLVE', message: '已清理' });
    await actOnIssue(await byUser(named.id, '实名居民乙'), other.id, { type: 'RATE', rating: 'SATISFIED' });
    expect((await db.issueEvent.findFirstOrThrow({ where: { issueId: other.id, type: 'RATE' } })).actorLabel).toBe('实名居民乙');
  });

  test('an anonymous follower invited as 列席 before this rule is left off the organiser’s sign-in sheet', async () => {
    const { db, compound, anon, secretary, sevenStep } = w;
    const sec = await byUser(secretary.id, '龙书记');
    const issue = await raise('sheet-anon', true, anon.id, NAME);
    const { id: topicId } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '消防通道',
      description: '消防通道被占。',
      compoundId: compound.id,
      communityId: compound.communityId,
      procedureId: sevenStep.id,
      issueIds: [issue.id],
    });
    const meeting = await createMeeting(db, {
      kind: 'CONSULTATION',
      title: '消防通道协商会',
      communityId: compound.communityId,
      compoundId: compound.id,
      startsAt: new Date(Date.now() + 86_400_000),
      minutes: 60,
      location: '党群服务站',
      createdById: secretary.id,
    });
    // What the old rule wrote: the agenda item and the follower invited as a guest.
    await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: '消防通道', topicId } });
    await db.meetingInvite.create({ data: { meetingId: meeting.id, personId: anon.personId, member: false } });
    const sheet = json((await getMeetingView(sec, meeting.id))?.staff);
    expect([sheet.includes(NAME), sheet.includes(`"personId":${anon.personId},`)]).toEqual([false, false]);
  });
});
