import { beforeAll, describe, expect, test } from 'vitest';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue } from '@/server/issues/raise-issue';
import { listBehind, listMeetingsBehind, listTopicsBehind } from '@/server/stats/drill';
import { exclusionView, setExclusion } from '@/server/stats/exclusions';
import { exportFile, exportStatus, removeOldExports, requestExport, runExport } from '@/server/stats/export';
import { readDashboard } from '@/server/stats/read-dashboard';
import { rebuildStats, refreshStats } from '@/server/stats/refresh';
import { createStaff } from '../../factories/accounts';
import { createIssueWithHistory } from '../../factories/issues';
import { createMeeting } from '../../factories/meetings';
import { communityByCode, createCompound } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';
import { today } from '@/server/today';
import ExcelJS from 'exceljs';

/**
 * The figures of a small street counted by hand (the comment beside each issue says what it is),
 * against what the dashboard computes through the rollup, live, and in the drill-down lists.
 * March 2025: community A (compounds A1, A2) and community B (B1) of Dongsheng street.
 */
const MIN = 60_000;
const T0 = new Date('2025-03-10T02:00:00Z'); // 10:00 China time

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureIssueCategories(db);
  const tanghu = await communityByCode(db, '510116001001');
  const [a, b] = await db.community.findMany({ where: { streetId: tanghu.streetId }, orderBy: { code: 'asc' }, take: 2 });
  const A1 = await createCompound(db, { communityId: a!.id, name: '看板甲一' });
  const A2 = await createCompound(db, { communityId: a!.id, name: '看板甲二' });
  const B1 = await createCompound(db, { communityId: b!.id, name: '看板乙一' });
  const pw = 'staff-pass-1';
  const street = await createStaff(db, {
    name: '东升街道看板',
    phone: '13833330001',
    password: pw,
    role: 'STREET_STAFF',
    placeLevel: 'STREET',
    placeId: tanghu.streetId,
  });
  const secretary = await createStaff(db, {
    name: '甲社区书记',
    phone: '13833330002',
    password: pw,
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: a!.id,
  });
  const { districtId } = await db.street.findUniqueOrThrow({ where: { id: tanghu.streetId }, select: { districtId: true } });
  const district = await createStaff(db, {
    name: '双流区看板',
    phone: '13833330004',
    password: pw,
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: districtId,
  });
  const otherStreet = await createStaff(db, {
    name: '晋阳街道看板',
    phone: '13833330003',
    password: pw,
    role: 'STREET_STAFF',
    placeLevel: 'STREET',
    placeId: (await communityByCode(db, '510107009003')).streetId,
  });

  const issue = (o: {
    compoundId: number;
    category?: string;
    createdAt?: Date;
    state: 'SUBMITTED' | 'ACKNOWLEDGED' | 'RESOLVED' | 'CLOSED' | 'CLOSED_UNFIXED';
    steps: [
      type: string,
      toState: 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED' | 'CLOSED_UNFIXED' | 'SUBMITTED',
      minutesAfter: number,
    ][];
    rating?: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';
    level?: 'COMPOUND' | 'STREET';
  }) =>
    createIssueWithHistory(db, {
      categoryCode: o.category ?? 'FACILITIES',
      title: '看板测试',
      description: '看板测试问题',
      compoundId: o.compoundId,
      authorUserId: null,
      createdAt: o.createdAt ?? T0,
      acknowledgeBy: new Date((o.createdAt ?? T0).getTime() + 240 * MIN),
      resolveBy: new Date((o.createdAt ?? T0).getTime() + 3 * 1440 * MIN),
      steps: o.steps.map(([type, toState, minutesAfter]) => ({ type, toState, minutesAfter, actorUserId: null, actorLabel: 'staff' })),
      rating: o.rating,
      level: o.level,
    });
  const i1 = await issue({
    compoundId: A1.id,
    state: 'CLOSED',
    steps: [
      ['ACKNOWLEDGE', 'ACKNOWLEDGED', 30],
      ['RESOLVE', 'RESOLVED', 2880],
      ['RATE', 'CLOSED', 3000],
    ],
    rating: 'SATISFIED',
  }); // on time; resolved in 2 d; satisfied
  const i2 = await issue({
    compoundId: A1.id,
    state: 'CLOSED',
    steps: [
      ['ACKNOWLEDGE', 'ACKNOWLEDGED', 300],
      ['RESOLVE', 'RESOLVED', 7200],
      ['RATE', 'CLOSED', 7300],
    ],
    rating: 'UNSATISFIED',
  }); // late (300 > 240); 5 d; unsatisfied
  const i3 = await issue({
    compoundId: A2.id,
    state: 'SUBMITTED',
    level: 'STREET',
    steps: [
      ['ESCALATE', 'SUBMITTED', 250],
      ['TAKE_OVER', 'SUBMITTED', 2880],
    ],
  }); // escalated, taken over after 2 d (late response), open, overdue
  const i4 = await issue({
    compoundId: A2.id,
    state: 'CLOSED_UNFIXED',
    steps: [
      ['ACKNOWLEDGE', 'ACKNOWLEDGED', 100],
      ['CLOSE_UNFIXED', 'CLOSED_UNFIXED', 1000],
    ],
  }); // on time; closed unfixed
  const i5 = await issue({ compoundId: A1.id, state: 'ACKNOWLEDGED', steps: [['ACKNOWLEDGE', 'ACKNOWLEDGED', 500]] }); // to be excluded: open, overdue, late
  const i6 = await issue({
    compoundId: B1.id,
    category: 'ENVIRONMENT',
    state: 'RESOLVED',
    steps: [
      ['ACKNOWLEDGE', 'ACKNOWLEDGED', 60],
      ['RESOLVE', 'RESOLVED', 1440],
    ],
    rating: 'BASICALLY_SATISFIED',
  }); // B: on time, 1 d, basically satisfied
  const i7 = await issue({ compoundId: A1.id, state: 'SUBMITTED', steps: [] }); // a duplicate merged into i1: never counted
  await db.issue.update({ where: { id: i7.id }, data: { mergedIntoId: i1.id } });
  const i8 = await issue({
    compoundId: A1.id,
    createdAt: new Date('2025-02-12T02:00:00Z'),
    state: 'RESOLVED',
    steps: [
      ['ACKNOWLEDGE', 'ACKNOWLEDGED', 10],
      ['RESOLVE', 'RESOLVED', 600],
    ],
  }); // February: the previous period
  return {
    db,
    a: a!,
    b: b!,
    A1,
    A2,
    B1,
    street: await byUser(street.id, '东升街道看板'),
    district: await byUser(district.id, '双流区看板'),
    secretary: await byUser(secretary.id, '甲社区书记'),
    otherStreet: await byUser(otherStreet.id),
    ids: { i1, i2, i3, i4, i5, i6, i7, i8 },
  };
}
beforeAll(async () => {
  w = await setup();
  await refreshStats();
});

const MARCH = { from: '2025-03', to: '2025-03' };
const streetUnit = () => ({ level: 'street' as const, id: w.a.streetId });
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((x, y) => x - y);

describe('dashboard figures against a hand count', () => {
  test('excluding an issue takes the district (the level above the street ranked on it) and a reason, is audited; the street and the community are refused', async () => {
    expect(await refusal(setExclusion(w.secretary, w.ids.i5.id, { exclude: true, reason: '诉求不合理，重复反映' }))).toBe('auth.forbidden');
    expect(await refusal(setExclusion(w.street, w.ids.i5.id, { exclude: true, reason: '诉求不合理，重复反映' }))).toBe('auth.forbidden');
    expect(await exclusionView(w.street, w.ids.i5.id)).toBeNull();
    expect(await refusal(setExclusion(w.otherStreet, w.ids.i5.id, { exclude: true, reason: '诉求不合理，重复反映' }))).toBe(
      'auth.forbidden',
    );
    expect(await refusal(setExclusion(w.district, w.ids.i5.id, { exclude: true, reason: ' ' }))).toBe('stats.reasonRequired');
    await setExclusion(w.district, w.ids.i5.id, { exclude: true, reason: '诉求不合理，重复反映' });
    expect(await refusal(setExclusion(w.district, w.ids.i5.id, { exclude: true, reason: '再来一次' }))).toBe('stats.alreadyExcluded');
    const audit = await w.db.auditLog.findMany({ where: { entityType: 'Issue', entityId: String(w.ids.i5.id) } });
    expect(audit.map((r) => [r.action, r.actorId])).toEqual([['issue.exclude', w.district.userId]]);
    await refreshStats();
  });

  test('the street: every figure as counted by hand', async () => {
    const d = await readDashboard(w.street, { unit: streetUnit(), period: MARCH, category: null });
    expect(d.totals.counts).toEqual({
      opened: 6,
      open: 2,
      overdue: 2,
      escalated: 1,
      takenOver: 1,
      excluded: 1,
      ackDue: 5,
      ackOnTime: 3,
      resolveDue: 5,
      resolved: 3,
      rated: 3,
      satisfied: 2,
    });
    expect(d.totals.rates).toEqual({ response: 0.6, resolution: 0.6, satisfaction: 2 / 3 });
    // Response minutes 30, 60, 100, 300, 2880 (i5 excluded); resolution 1440, 2880, 7200.
    expect([d.totals.ackMedian, d.totals.resolveMedian]).toEqual([100, 2880]);
    // February (the previous month): only i8.
    expect(d.totalsPrevious.counts.opened).toBe(1);
    expect(d.totalsPrevious.rates.response).toBe(1);
    // The rows below add up to the whole.
    const rowA = d.children.find((c) => c.id === w.a.id)!;
    const rowB = d.children.find((c) => c.id === w.b.id)!;
    expect([rowA.current.counts.opened, rowB.current.counts.opened]).toEqual([5, 1]);
    expect(d.children.reduce((n, c) => n + c.current.counts.opened, 0)).toBe(6);
    expect(rowB.current.rates).toEqual({ response: 1, resolution: 1, satisfaction: 1 });
    expect(d.byCategory.map((c) => [c.code, c.figures.counts.opened])).toEqual([
      ['FACILITIES', 5],
      ['ENVIRONMENT', 1],
    ]);
    expect(d.trend.map((m) => [m.month, m.figures.counts.opened])).toEqual([['2025-03', 6]]);
  });

  test('the category filter is honoured by every issue figure', async () => {
    const d = await readDashboard(w.street, { unit: streetUnit(), period: MARCH, category: 'ENVIRONMENT' });
    expect([d.totals.counts.opened, d.totals.counts.resolved, d.totals.ackMedian]).toEqual([1, 1, 60]);
    expect(d.children.find((c) => c.id === w.a.id)!.current.counts.opened).toBe(0);
  });

  test('a community: its compounds computed live agree with the rollup', async () => {
    const d = await readDashboard(w.street, { unit: { level: 'community', id: w.a.id }, period: MARCH, category: null });
    expect(d.totals.counts.opened).toBe(5);
    const byName = Object.fromEntries(d.children.map((c) => [c.name, c.current.counts]));
    expect([byName['看板甲一']!.opened, byName['看板甲二']!.opened]).toEqual([3, 2]);
    expect(byName['看板甲二']!.overdue).toBe(1);
    const compound = await readDashboard(w.street, { unit: { level: 'compound', id: w.A2.id }, period: MARCH, category: null });
    expect(compound.totals.counts).toEqual(byName['看板甲二']);
  });

  test('the list behind a number is exactly the issues the number counts', async () => {
    const list = (figure: Parameters<typeof listBehind>[1]['figure']) =>
      listBehind(w.street, { unit: streetUnit(), period: MARCH, category: null, figure });
    expect(ids((await list('overdue')).rows)).toEqual(ids([w.ids.i3, w.ids.i5]));
    expect(ids((await list('ackLate')).rows)).toEqual(ids([w.ids.i2, w.ids.i3]));
    expect(ids((await list('unresolved')).rows)).toEqual(ids([w.ids.i3, w.ids.i4]));
    expect((await list('excluded')).rows.map((r) => r.exclusionReason)).toEqual(['诉求不合理，重复反映']);
    expect((await list('opened')).total).toBe(6);
  });

  test('what one may read: a community secretary sees the community, not the street; another street sees nothing', async () => {
    expect(await refusal(readDashboard(w.secretary, { unit: streetUnit(), period: MARCH, category: null }))).toBe('auth.forbidden');
    expect(
      (await readDashboard(w.secretary, { unit: { level: 'community', id: w.a.id }, period: MARCH, category: null })).totals.counts.opened,
    ).toBe(5);
    expect(await refusal(readDashboard(w.otherStreet, { unit: { level: 'community', id: w.a.id }, period: MARCH, category: null }))).toBe(
      'auth.forbidden',
    );
    expect(await refusal(listBehind(w.otherStreet, { unit: streetUnit(), period: MARCH, category: null, figure: 'overdue' }))).toBe(
      'auth.forbidden',
    );
    // The city ranking is open to street staff of the city, with rows they may not open marked so.
    const city = await readDashboard(w.street, {
      unit: { level: 'city', id: w.a.streetId ? (await w.db.street.findUniqueOrThrow({ where: { id: w.a.streetId } })).districtId : 0 },
      period: MARCH,
      category: null,
    });
    expect(city.children.length).toBeGreaterThan(200);
    expect(city.children.filter((c) => c.open).map((c) => c.id)).toEqual([w.a.streetId]);
    expect(city.children.find((c) => c.id === w.a.streetId)!.current.counts.opened).toBe(6);
  });

  test('the incremental refresh leaves exactly what a full rebuild computes', async () => {
    const snapshot = () =>
      w.db.issueStat.findMany({ orderBy: [{ month: 'asc' }, { communityId: 'asc' }, { categoryId: 'asc' }], omit: { refreshedAt: true } });
    const now = new Date();
    await refreshStats(now);
    const incremental = await snapshot();
    await rebuildStats(now);
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('topics behind the figures', () => {
  test('topics by step count those raised in the period, and the list behind each count is those topics', async () => {
    const { db } = w;
    const procedure = await db.procedure.findFirstOrThrow({ where: { code: 'SEVEN_STEP', districtId: null } });
    const other = await db.topicCategory.findFirstOrThrow({ where: { code: 'OTHER', districtId: null } });
    const topic = (title: string, stepIndex: number, status: 'OPEN' | 'DONE') =>
      db.topic.create({
        data: {
          title,
          description: '看板议题',
          procedureId: procedure.id,
          status,
          stepIndex,
          stepDueAt: new Date('2025-03-30T00:00:00Z'),
          districtId: w.A1.districtId,
          streetId: w.A1.streetId,
          communityId: w.a.id,
          compoundId: w.A1.id,
          createdById: w.street.userId,
          createdAt: new Date('2025-03-12T02:00:00Z'),
          categoryId: other.id,
        },
      });
    const atPlan = await topic('看板议题：在方案步骤', 2, 'OPEN');
    await topic('看板议题：已完成', 6, 'DONE');
    const d = await readDashboard(w.street, { unit: streetUnit(), period: MARCH, category: null });
    expect(Object.fromEntries(d.topics.map((s) => [s.step, s.count]))).toEqual({ plan: 1, DONE: 1 });
    expect(d.children.find((c) => c.id === w.a.id)!.openTopics).toBe(1);
    const plan = await listTopicsBehind(w.street, { unit: streetUnit(), period: MARCH, step: 'plan' });
    expect([plan.total, plan.rows.map((r) => r.id)]).toEqual([1, [atPlan.id]]);
    expect((await listTopicsBehind(w.street, { unit: streetUnit(), period: MARCH, step: 'OPEN' })).total).toBe(1);
    expect((await listTopicsBehind(w.street, { unit: streetUnit(), period: { from: '2025-02', to: '2025-02' }, step: 'OPEN' })).total).toBe(
      0,
    );
    expect(await refusal(listTopicsBehind(w.otherStreet, { unit: streetUnit(), period: MARCH, step: 'OPEN' }))).toBe('auth.forbidden');
  });
});

describe('meetings behind the activity figures', () => {
  test('meetings held and consultations with attendance, counted by the rollup and listed behind the numbers', async () => {
    const { db } = w;
    const meeting = async (kind: 'CONSULTATION' | 'COUNCIL', day: string, status: 'CLOSED' | 'CANCELLED', people: number) => {
      const m = await createMeeting(db, {
        kind,
        title: `看板${kind}`,
        communityId: w.a.id,
        compoundId: w.A1.id,
        startsAt: new Date(`${day}T01:00:00Z`),
        minutes: 60,
        location: '活动室',
        createdById: w.street.userId,
      });
      await db.meeting.update({ where: { id: m.id }, data: { status } });
      for (let i = 0; i < people; i++) {
        const p = await db.person.create({ data: { name: `参会人${kind}${i}` } });
        await db.attendance.create({ data: { meetingId: m.id, personId: p.id, method: 'MANUAL', byUserId: w.street.userId } });
      }
      return m;
    };
    const consultation = await meeting('CONSULTATION', '2025-03-20', 'CLOSED', 3);
    const council = await meeting('COUNCIL', '2025-03-21', 'CLOSED', 2);
    await meeting('CONSULTATION', '2025-03-22', 'CANCELLED', 0); // cancelled: not held
    await refreshStats();
    const d = await readDashboard(w.street, { unit: streetUnit(), period: MARCH, category: null });
    expect([d.activity.meetingsHeld, d.activity.consultations, d.activity.attendance]).toEqual([2, 1, 5]);
    expect(d.children.find((c) => c.id === w.a.id)!.activity.consultations).toBe(1);
    const all = await listMeetingsBehind(w.street, { unit: streetUnit(), period: MARCH, consultationsOnly: false });
    expect([all.total, ids(all.rows)]).toEqual([2, ids([consultation, council])]);
    const only = await listMeetingsBehind(w.street, { unit: { level: 'compound', id: w.A1.id }, period: MARCH, consultationsOnly: true });
    expect(only.rows.map((r) => [r.id, r.attendance])).toEqual([[consultation.id, 3]]);
    expect(await refusal(listMeetingsBehind(w.otherStreet, { unit: streetUnit(), period: MARCH, consultationsOnly: false }))).toBe(
      'auth.forbidden',
    );
  });
});

describe('facts from the real paths', () => {
  test('raising and acknowledging through the use cases is counted after the next refresh', async () => {
    const { db } = w;
    const head = await createStaff(db, {
      name: '看板楼长',
      phone: '13833330009',
      password: 'staff-pass-1',
      role: 'COMMUNITY_SECRETARY',
      placeLevel: 'COMMUNITY',
      placeId: w.b.id,
    });
    const category = await db.issueCategory.findFirstOrThrow({ where: { code: 'OTHER', districtId: null } });
    const { id } = await raiseIssue(await byUser(head.id), {
      categoryId: category.id,
      title: '路灯不亮了',
      description: '乙一小区门口路灯不亮',
      compoundId: w.B1.id,
      anonymous: false,
      idempotencyKey: 'stats-key-000001',
    });
    await actOnIssue(await byUser(head.id), id, { type: 'ACKNOWLEDGE' });
    const issue = await db.issue.findUniqueOrThrow({ where: { id } });
    expect(issue.acknowledgedAt).not.toBeNull();
    expect(issue.firstAcknowledgeBy).toEqual(issue.acknowledgeBy);
    const month = today().slice(0, 7);
    const before = await readDashboard(w.street, {
      unit: { level: 'community', id: w.b.id },
      period: { from: month, to: month },
      category: null,
    });
    await refreshStats();
    const after = await readDashboard(w.street, {
      unit: { level: 'community', id: w.b.id },
      period: { from: month, to: month },
      category: null,
    });
    expect(after.totals.counts.opened).toBe(before.totals.counts.opened + 1);
    expect(after.totals.counts.ackOnTime).toBe(before.totals.counts.ackOnTime + 1);
  });
});

describe('Excel export', () => {
  test('a monthly report and all communities, with progress, for the one who asked only', async () => {
    const params = { unit: streetUnit(), period: MARCH, category: null, locale: 'zh-CN' as const };
    const id = await requestExport(w.street, 'MONTHLY', params, runExport);
    const status = await exportStatus(w.street.userId, id);
    expect(status.status).toBe('DONE');
    expect(status.rowsDone).toBe(status.rowsTotal);
    expect(await refusal(exportStatus(w.secretary.userId, id))).toBe('stats.exportNotFound');
    const file = await exportFile(w.street.userId, id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '下级单位',
      '按类别',
      '月度趋势',
      '议题进展',
      '逾期事项',
      '不计入考核',
      '矛盾纠纷调解',
      '议题分类',
      '口径说明',
    ]);
    // Decision 072: the dashboard's by-category table, the same query.
    expect(wb.getWorksheet('议题分类')!.getRow(1).values).toEqual([
      undefined,
      '议题类别',
      '提出',
      '进行中',
      '已决定',
      '未通过或撤回',
      '已落实公示',
    ]);
    const summary = wb.getWorksheet('概况')!;
    const row = (label: string) => summary.getSheetValues().find((r) => Array.isArray(r) && r[1] === label) as unknown[];
    expect(row('受理')[2]).toBe(6);
    expect(row('响应率')[2]).toBe(0.6);
    expect(wb.getWorksheet('逾期事项')!.rowCount).toBe(3); // header + i3, i5

    const all = await requestExport(w.street, 'COMMUNITIES', params, runExport);
    const f2 = await exportFile(w.street.userId, all);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(f2.bytes as unknown as ArrayBuffer);
    const communities = await w.db.community.count({ where: { streetId: w.a.streetId } });
    expect(wb2.worksheets[0]!.rowCount).toBe(5 + communities);
    expect(await refusal(requestExport(w.secretary, 'MONTHLY', params, runExport))).toBe('auth.forbidden');

    // Kept a week, then the rows and their files go.
    expect(await removeOldExports(new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await removeOldExports(new Date(Date.now() + 8 * 86_400_000))).toBe(2);
    expect(await refusal(exportFile(w.street.userId, id))).toBe('stats.exportNotFound');
  });

  test('issue 20, item 10: readable — medians in hours and days under a header naming the unit, steps and states in words, frozen filtered heads, the time a date', async () => {
    const params = { unit: streetUnit(), period: MARCH, category: null, locale: 'zh-CN' as const };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await exportFile(w.street.userId, await requestExport(w.street, 'MONTHLY', params, runExport))).bytes as unknown as ArrayBuffer,
    );
    const d = await readDashboard(w.street, { unit: streetUnit(), period: MARCH, category: null });
    const summary = wb.getWorksheet('概况')!;
    const row = (label: string) => summary.getSheetValues().find((r) => Array.isArray(r) && r[1] === label) as unknown[];
    const tenth = (x: number) => Math.round(x * 10) / 10;
    expect(row('响应用时中位数（小时）')[2]).toBe(tenth(d.totals.ackMedian! / 60));
    expect(row('解决用时中位数（天）')[2]).toBe(tenth(d.totals.resolveMedian! / 1440));
    expect(wb.getWorksheet('下级单位')!.getRow(5).values).toEqual(
      expect.arrayContaining(['响应用时中位数（小时）', '解决用时中位数（天）']),
    );
    // Generated at: a date cell (China's wall-clock time), not a sentence.
    expect(summary.getCell('A3').value).toBe('生成时间');
    const at = summary.getCell('B3').value as Date;
    expect(at).toBeInstanceOf(Date);
    expect(Math.abs(at.getTime() - (Date.now() + 8 * 3600_000))).toBeLessThan(120_000);
    expect(summary.getCell('B3').numFmt).toBe('yyyy-mm-dd hh:mm');
    // Steps by name (方案, 已完成), states by name, never codes.
    const words = (sheet: string, col: number) =>
      wb
        .getWorksheet(sheet)!
        .getColumn(col)
        .values.slice(2)
        .filter((v) => v !== undefined && v !== null);
    expect(words('议题进展', 1).length).toBeGreaterThan(0);
    for (const v of [...words('议题进展', 1), ...words('逾期事项', 4)]) expect(String(v)).toMatch(/^[\u4e00-\u9fff（）]+$/);
    // Every table's head row stays in view and filters.
    for (const ws of wb.worksheets.filter((s) => s.name !== '概况' && s.name !== '口径说明')) {
      const head = ws.name === '下级单位' ? 5 : 1;
      const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
      expect([ws.name, view?.state, view?.ySplit]).toEqual([ws.name, 'frozen', head]);
      expect(ws.autoFilter, ws.name).toMatch(new RegExp(`^A${head}:[A-Z]+${head}$`));
    }
  });
});
