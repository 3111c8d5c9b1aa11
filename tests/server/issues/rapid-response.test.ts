import { beforeAll, describe, expect, test } from 'vitest';
import { listAudit } from '@/server/accounts/read-audit';
import { renderEmail } from '@/server/mail/outbox';
import { apiClientFor, issueApiKey } from '@/server/open311/api-keys';
import { getServiceRequests } from '@/server/open311/georeport';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { runEscalationPass } from '@/server/issues/escalation-pass';
import { raiseIssue } from '@/server/issues/raise-issue';
import { getIssueForViewer, listInbox, listMyIssues, listWorkQueue } from '@/server/issues/read-issues';
import { mergeIssues, splitIssue } from '@/server/issues/merge-split';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { communityByCode, createBuilding, createCompound } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureIssueCategories(db);
  const jinsha = await communityByCode(db, '510502006006');
  const c = await createPopulatedCompound(db, new NameSource(3), {
    communityId: jinsha.id,
    name: '金沙小区',
    buildings: [1, 2, 3].map((n) => ({ name: `${n}栋`, floors: 2, perFloor: 2, areasCentiM2: [9000] })),
  });
  const b3 = c.buildings[2]!;
  const owner = c.owners[8]!; // lives in building 3
  await db.person.update({ where: { id: owner.id }, data: { name: '报修业主甲', phone: '13811119999' } });
  const reporter = await createVerifiedResident(db, {
    personId: owner.id,
    phone: '13811119999',
    password: 'x-pass-1234',
    householdId: c.households[8]!.id,
  });
  const pw = 'staff-pass-1';
  const staff = {
    head: await createStaff(db, {
      name: '陈德明',
      phone: '13822220001',
      password: pw,
      role: 'BUILDING_HEAD',
      placeLevel: 'BUILDING',
      placeId: b3.id,
    }),
    secretary: await createStaff(db, {
      name: '金沙书记',
      phone: '13822220002',
      password: pw,
      role: 'COMMUNITY_SECRETARY',
      placeLevel: 'COMMUNITY',
      placeId: jinsha.id,
    }),
    street: await createStaff(db, {
      name: '北城街道',
      phone: '13822220003',
      password: pw,
      role: 'STREET_STAFF',
      placeLevel: 'STREET',
      placeId: jinsha.streetId,
    }),
    otherStreet: await createStaff(db, {
      name: '别的街道',
      phone: '13822220004',
      password: pw,
      role: 'STREET_STAFF',
      placeLevel: 'STREET',
      placeId: (await communityByCode(db, '510107009003')).streetId,
    }),
  };
  const facilities = await db.issueCategory.findFirstOrThrow({ where: { code: 'FACILITIES' } });
  return { db, c, b3, reporter, staff, facilities };
}
beforeAll(async () => {
  w = await setup();
});
const raise = async (key: string, anonymous = false) =>
  raiseIssue(await byUser(w.reporter.id, '报修业主甲'), {
    categoryId: w.facilities.id,
    title: '3栋化粪池堵塞',
    description: '污水漫到楼道',
    compoundId: w.c.compound.id,
    buildingId: w.b3.id,
    anonymous,
    idempotencyKey: key,
  });

describe('S3: blocked septic tank, rapid response', () => {
  test('report → routed to the building head → acknowledged → resolved → rated; every hand-off on the timeline', async () => {
    const { db, staff, reporter } = w;
    const { id } = await raise('s3-key-1');
    expect((await raise('s3-key-1')).id).toBe(id); // a double tap stores one issue
    expect(await db.issue.count({ where: { idempotencyKey: 's3-key-1' } })).toBe(1);
    const issue = await db.issue.findUniqueOrThrow({ where: { id } });
    expect([issue.assigneeUserId, issue.level, issue.state]).toEqual([staff.head.id, 'COMPOUND', 'SUBMITTED']);
    expect((await listInbox(staff.head.id)).unread).toBe(1);
    expect((await listWorkQueue(await byUser(staff.head.id))).map((i) => i.id)).toContain(id);

    const head = await byUser(staff.head.id, '陈德明');
    await actOnIssue(head, id, { type: 'ACKNOWLEDGE' });
    expect(await refusal(actOnIssue(head, id, { type: 'ACKNOWLEDGE' }))).toBe('issue.wrongState');
    await actOnIssue(head, id, { type: 'START' });
    await actOnIssue(head, id, { type: 'RESOLVE', message: '物业已疏通，费用由维修资金列支' });
    const me = await byUser(reporter.id, '报修业主甲');
    expect(await refusal(actOnIssue(head, id, { type: 'RATE', rating: 'SATISFIED' }))).toBe('issue.notAllowed');
    await actOnIssue(me, id, { type: 'RATE', rating: 'SATISFIED', comment: '两天就修好了' });

    const view = await getIssueForViewer(me, id);
    expect(view?.state).toBe('CLOSED');
    expect(view?.events.map((e) => [e.type, e.actor])).toEqual([
      ['SUBMITTED', '报修业主甲'],
      ['ACKNOWLEDGE', '陈德明'],
      ['START', '陈德明'],
      ['RESOLVE', '陈德明'],
      ['RATE', '报修业主甲'],
    ]);
    expect((await listInbox(reporter.id)).items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['issue.acknowledge', 'issue.resolve', 'issue.rate']),
    );
    expect((await listMyIssues(reporter.id)).map((i) => i.id)).toContain(id);
  });

  test('an unanswered issue escalates on the working calendar: compound → community → street', async () => {
    const { db, staff } = w;
    const { id } = await raise('s3-key-2');
    const created = await db.issue.findUniqueOrThrow({ where: { id } });
    expect(await runEscalationPass(new Date(created.acknowledgeBy.getTime() - 3 * 3600_000))).toMatchObject({ escalated: 0 });
    expect(await runEscalationPass(created.acknowledgeBy)).toMatchObject({ escalated: 1 });
    const community = await db.issue.findUniqueOrThrow({ where: { id } });
    expect([community.level, community.assigneeUserId]).toEqual(['COMMUNITY', staff.secretary.id]);
    expect(community.acknowledgeBy > created.acknowledgeBy).toBe(true);
    // Running the pass twice at the same moment escalates once.
    await Promise.all([runEscalationPass(community.acknowledgeBy), runEscalationPass(community.acknowledgeBy)]);
    const street = await db.issue.findUniqueOrThrow({ where: { id } });
    expect([street.level, street.assigneeUserId]).toEqual(['STREET', staff.street.id]);
    expect(await db.issueEvent.count({ where: { issueId: id, type: 'ESCALATE' } })).toBe(2);
    // The street takes it over; staff of another street can do nothing with it.
    expect(await refusal(actOnIssue(await byUser(staff.otherStreet.id), id, { type: 'ACKNOWLEDGE' }))).toBe('auth.forbidden');
    expect(await getIssueForViewer(await byUser(staff.otherStreet.id), id)).toBeNull();
    await actOnIssue(await byUser(staff.street.id), id, { type: 'ACKNOWLEDGE' });
  });

  test('closed without being fixed stays apart from fixed; an unsatisfied reporter may reopen once', async () => {
    const { db, staff, reporter } = w;
    const { id } = await raise('s3-key-3');
    const head = await byUser(staff.head.id);
    const me = await byUser(reporter.id);
    await actOnIssue(head, id, { type: 'RESOLVE', message: '已处理' });
    await actOnIssue(me, id, { type: 'RATE', rating: 'UNSATISFIED', comment: '没修好' });
    await actOnIssue(me, id, { type: 'REOPEN', reason: '还在漏' });
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).state).toBe('REOPENED');
    await actOnIssue(head, id, { type: 'RESOLVE', message: '换了管道' });
    await actOnIssue(me, id, { type: 'RATE', rating: 'UNSATISFIED' });
    expect(await refusal(actOnIssue(me, id, { type: 'REOPEN', reason: '再开' }))).toBe('issue.reopenedAlready');
    const { id: other } = await raise('s3-key-4');
    await actOnIssue(head, other, { type: 'CLOSE_UNFIXED', reason: '属于市政管网，已转12345' });
    expect((await db.issue.findUniqueOrThrow({ where: { id: other } })).state).toBe('CLOSED_UNFIXED');
  });
});

describe('anonymity (背靠背)', () => {
  test('nobody but the author can find who raised an anonymous issue, anywhere staff can reach', async () => {
    const { db, staff, c } = w;
    // A resident whose only act is this anonymous report.
    const neighbour = c.owners[9]!;
    await db.person.update({ where: { id: neighbour.id }, data: { name: '匿名测试人', phone: '13811118888' } });
    const reporter = await createVerifiedResident(db, {
      personId: neighbour.id,
      phone: '13811118888',
      password: 'x-pass-1234',
      householdId: c.households[9]!.id,
    });
    const { id } = await raiseIssue(await byUser(reporter.id, '匿名测试人'), {
      categoryId: w.facilities.id,
      title: '楼道有人堆放杂物',
      description: '影响消防通道',
      compoundId: c.compound.id,
      buildingId: w.b3.id,
      anonymous: true,
      idempotencyKey: 'anon-key-1',
    });
    await actOnIssue(await byUser(reporter.id), id, { type: 'RESOLVE', message: 'x' }).catch(() => undefined); // not allowed anyway
    await actOnIssue(await byUser(staff.head.id), id, { type: 'ACKNOWLEDGE' });
    const issue = await db.issue.findUniqueOrThrow({ where: { id } });
    await runEscalationPass(new Date(issue.resolveBy.getTime() + 60_000));

    // An outside system holding the district's API key (the 12345 hotline).
    const admin = await createStaff(db, {
      name: '区管理员',
      phone: '13822220009',
      password: 'staff-pass-1',
      role: 'DISTRICT_ADMIN',
      placeLevel: 'DISTRICT',
      placeId: issue.districtId,
    });
    const client = (await apiClientFor((await issueApiKey(await byUser(admin.id), issue.districtId, '12345')).key))!;
    const api = { one: await getServiceRequests({ ids: [id] }, client, 'zh-CN'), list: await getServiceRequests({}, client, 'zh-CN') };
    const mails = (await db.notification.findMany({ where: { issueId: id } })).map((n) => renderEmail(n, 'https://yishi.example'));
    const secrets = [
      '匿名测试人',
      '13811118888',
      '138****8888',
      `"authorUserId":${reporter.id}`,
      `"actorUserId":${reporter.id}`,
      `"actorId":${reporter.id}`,
      `"userId":${reporter.id}`,
    ];
    for (const who of [staff.head, staff.secretary, staff.street]) {
      const by = await byUser(who.id);
      const reachable = {
        view: await getIssueForViewer(by, id),
        queue: await listWorkQueue(by),
        inbox: await listInbox(who.id),
        audit: await listAudit(by),
        api,
        mails,
      };
      const text = JSON.stringify(reachable, (_, v) => (typeof v === 'bigint' ? String(v) : v));
      for (const s of secrets) expect({ who: who.phone, found: text.includes(s) ? s : null }).toEqual({ who: who.phone, found: null });
      expect(reachable.view?.author).toEqual({ name: '匿名居民', phone: null });
    }
    // The author still sees it as theirs.
    const mine = await getIssueForViewer(await byUser(reporter.id), id);
    expect(mine?.author).toEqual({ name: '匿名测试人', phone: '13811118888' });
  });
});

describe('bad input', () => {
  test('a place outside the resident’s community, an unknown category: refused, nothing stored', async () => {
    const { db, reporter } = w;
    const before = await db.issue.count();
    const beiyuanCompound = await createCompound(db, { communityId: (await communityByCode(db, '510107009003')).id, name: '北苑小区' });
    const beiyuan = { compound: beiyuanCompound, buildings: [await createBuilding(db, { compoundId: beiyuanCompound.id, name: '1栋' })] };
    const me = await byUser(reporter.id);
    expect(
      await refusal(
        raiseIssue(me, {
          categoryId: w.facilities.id,
          title: 't',
          description: 'd',
          compoundId: beiyuan.compound.id,
          anonymous: false,
          idempotencyKey: 'bad-1',
        }),
      ),
    ).toBe('issue.placeOutside');
    expect(
      await refusal(
        raiseIssue(me, {
          categoryId: 999_999,
          title: 't',
          description: 'd',
          compoundId: w.c.compound.id,
          anonymous: false,
          idempotencyKey: 'bad-2',
        }),
      ),
    ).toBe('issue.categoryUnknown');
    expect(
      await refusal(
        raiseIssue(me, {
          categoryId: w.facilities.id,
          title: 't',
          description: 'd',
          compoundId: w.c.compound.id,
          buildingId: beiyuan.buildings[0]!.id,
          anonymous: false,
          idempotencyKey: 'bad-3',
        }),
      ),
    ).toBe('issue.placeOutside');
    expect(await db.issue.count()).toBe(before);
  });
});

describe('merging duplicates and splitting', () => {
  test('merged duplicates leave the queue; their reporters follow the kept issue and hear of it — without learning who else reported', async () => {
    const { db, staff, c } = w;
    const neighbourPerson = c.owners[10]!;
    await db.person.update({ where: { id: neighbourPerson.id }, data: { phone: '13811117777' } });
    const neighbour = await createVerifiedResident(db, {
      personId: neighbourPerson.id,
      phone: '13811117777',
      password: 'x-pass-1234',
      householdId: c.households[10]!.id,
    });
    const { id: keep } = await raise('merge-keep');
    const { id: dup } = await raiseIssue(await byUser(neighbour.id, '邻居乙'), {
      categoryId: w.facilities.id,
      title: '化粪池堵了',
      description: '同一个问题',
      compoundId: c.compound.id,
      buildingId: w.b3.id,
      anonymous: false,
      idempotencyKey: 'merge-dup',
    });
    const head = await byUser(staff.head.id);
    expect(await refusal(mergeIssues(await byUser(staff.otherStreet.id), keep, [dup]))).toBe('auth.forbidden');
    expect(await refusal(mergeIssues(head, keep, [keep]))).toBe('issue.mergeNothing');
    await mergeIssues(head, keep, [dup]);
    expect((await listWorkQueue(head)).map((i) => i.id)).not.toContain(dup);
    expect((await listMyIssues(neighbour.id)).map((i) => i.id)).toEqual(expect.arrayContaining([keep]));
    await actOnIssue(head, keep, { type: 'ACKNOWLEDGE' });
    expect((await listInbox(neighbour.id)).items.map((n) => [n.kind, n.issueId])).toEqual(
      expect.arrayContaining([
        ['issue.acknowledge', keep],
        ['issue.merged', keep],
      ]),
    );
    // The neighbour follows the kept issue but is not told who raised it.
    const seen = await getIssueForViewer(await byUser(neighbour.id), keep);
    expect(seen?.author).toBeNull();
    // Not even through the timeline: the author's own steps read "反映人" to other followers.
    expect(JSON.stringify(seen)).not.toContain('报修业主甲');
    expect(seen?.events.find((e) => e.type === 'SUBMITTED')?.actor).toBe('反映人');
    expect(await refusal(mergeIssues(head, keep, [dup]))).toBe('issue.wrongState');
  });

  test('two handlers merging A into B and B into A at the same moment: exactly one merge takes effect, neither issue vanishes', async () => {
    const { db, staff } = w;
    const [head, secretary] = [await byUser(staff.head.id, '陈德明'), await byUser(staff.secretary.id, '金沙书记')];
    for (let round = 0; round < 5; round++) {
      const { id: a } = await raise(`cross-a-${round}`);
      const { id: b } = await raise(`cross-b-${round}`);
      const results = await Promise.all([refusal(mergeIssues(head, b, [a])), refusal(mergeIssues(secretary, a, [b]))]);
      expect(results.filter((r) => r === 'no refusal')).toHaveLength(1);
      expect(results.filter((r) => r !== 'no refusal')).toEqual([expect.stringMatching(/^issue\.(wrongState|changedMeanwhile)$/)]);
      const rows = await db.issue.findMany({ where: { id: { in: [a, b] } }, select: { id: true, mergedIntoId: true } });
      const kept = rows.filter((r) => r.mergedIntoId === null);
      expect(kept).toHaveLength(1);
      expect((await listWorkQueue(secretary)).map((i) => i.id)).toContain(kept[0]!.id);
    }
    // The database itself refuses a merge into an issue that is merged (a cycle), whatever the code path.
    const { id: c } = await raise('cross-c');
    const { id: d } = await raise('cross-d');
    await mergeIssues(head, d, [c]);
    await expect(db.issue.update({ where: { id: d }, data: { mergedIntoId: c } })).rejects.toThrow(/merged/);
  });

  test('a matter split off becomes its own issue with the same reporters', async () => {
    const { staff, reporter } = w;
    const { id } = await raise('split-from');
    const { id: split } = await splitIssue(await byUser(staff.head.id), id, {
      title: '楼道灯坏了',
      description: '顺便说一下三楼楼道灯也坏了',
    });
    const mine = await getIssueForViewer(await byUser(reporter.id), split);
    expect([mine?.state, mine?.events.map((e) => e.type)]).toEqual(['SUBMITTED', ['SPLIT_FROM']]);
    expect((await getIssueForViewer(await byUser(reporter.id), id))?.events.map((e) => e.type)).toContain('SPLIT');
    expect(await refusal(splitIssue(await byUser(reporter.id), id, { title: 'xx', description: 'xxxxxx' }))).toBe('auth.forbidden');
  });
});

describe('handling needs a current role, not only the assignment', () => {
  test('a building head whose grant was revoked can no longer act on issues still assigned to them', async () => {
    const { db, staff } = w;
    const { id } = await raise('revoked-head');
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).assigneeUserId).toBe(staff.head.id);
    await db.roleGrant.updateMany({ where: { userId: staff.head.id }, data: { revokedAt: new Date() } });
    try {
      expect(await refusal(actOnIssue(await byUser(staff.head.id), id, { type: 'ACKNOWLEDGE' }))).toBe('auth.forbidden');
      expect((await db.issue.findUniqueOrThrow({ where: { id } })).state).toBe('SUBMITTED');
    } finally {
      await db.roleGrant.updateMany({ where: { userId: staff.head.id }, data: { revokedAt: null } });
    }
  });
});
