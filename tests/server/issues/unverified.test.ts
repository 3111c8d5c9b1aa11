import { beforeAll, describe, expect, test } from 'vitest';
import { claimHousehold, reviewClaim } from '@/server/accounts/claims';
import { issueInvitationCodes } from '@/server/accounts/invitations';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue, type TRaiseIssue } from '@/server/issues/raise-issue';
import { getIssueForViewer, listWorkQueue } from '@/server/issues/read-issues';
import { liveFigures, rollupFigures } from '@/server/stats/aggregate';
import { rebuildStats } from '@/server/stats/refresh';
import { today } from '@/server/today';
import { createUser, createVerifiedResident } from '../../factories/accounts';
import { createCompound } from '../../factories/territory';
import { byUser, registerWithCode, world } from '../accounts/support';
import { refusal } from '../refusal';

/**
 * Decision 030: an account nobody has verified raises issues only in the community it named at registration;
 * the issue is marked unverified, shown so to staff, and left out of the rates until staff acknowledge it.
 */
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  const { db, a } = base;
  await ensureIssueCategories(db);
  const facilities = await db.issueCategory.findFirstOrThrow({ where: { code: 'FACILITIES' } });
  const reg = async (phone: string) => {
    await registerWithCode({ name: `注册${phone.slice(-2)}`, phone, password: 'resident-pass-1', compoundId: a.compound.id });
    return db.user.findUniqueOrThrow({ where: { phone } });
  };
  const owner = a.owners[0]!;
  const verified = await createVerifiedResident(db, {
    personId: owner.id,
    phone: '13600000099',
    password: 'resident-pass-1',
    householdId: a.households[0]!.id,
  });
  return { ...base, facilities, reg, verified };
}
beforeAll(async () => {
  w = await setup();
});

let n = 0;
const raise = async (userId: number, compoundId: number, extra: Partial<TRaiseIssue> = {}) =>
  raiseIssue(await byUser(userId), {
    categoryId: w.facilities.id,
    title: '单元门坏了',
    description: '门禁一直打不开',
    compoundId,
    anonymous: false,
    idempotencyKey: `unverified-${++n}`,
    ...extra,
  });

describe('raising by an unverified account', () => {
  test('only in the community named at registration; the issue is marked, and staff see the mark', async () => {
    const { db, a, b, staff } = w;
    const user = await w.reg('13600000001');
    const issues = await db.issue.count();
    expect(await refusal(raise(user.id, b.compound.id))).toBe('issue.unverifiedOutside');
    expect(await db.issue.count()).toBe(issues);

    const { id } = await raise(user.id, a.compound.id);
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).unverified).toBe(true);
    expect((await getIssueForViewer(await byUser(staff.gridWorker.id), id))?.unverified).toBe(true);
    expect((await listWorkQueue(await byUser(staff.gridWorker.id))).find((i) => i.id === id)?.unverified).toBe(true);

    const mine = await raise(w.verified.id, a.compound.id);
    expect((await db.issue.findUniqueOrThrow({ where: { id: mine.id } })).unverified).toBe(false);
  });

  test('a pending household claim adds that household’s community; a rejected one does not', async () => {
    const { db, b, staff } = w;
    const user = await w.reg('13600000006');
    expect(await refusal(raise(user.id, b.compound.id))).toBe('issue.unverifiedOutside');
    const sheet = await issueInvitationCodes(await byUser(staff.dongshengStreet.id), { compoundId: b.compound.id });
    const claim = await claimHousehold(user.id, { code: sheet.rows[0]!.code, relation: 'TENANT' }, '10.0.0.9');
    const { id } = await raise(user.id, b.compound.id);
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).unverified).toBe(true);
    await reviewClaim(await byUser(staff.dongshengStreet.id), { claimId: claim.id, approve: false, reason: '不是住户' });
    expect(await refusal(raise(user.id, b.compound.id))).toBe('issue.unverifiedOutside');
  });

  test('an unverified account that named no community (registered before) raises nowhere', async () => {
    const legacy = await createUser(w.db, { phone: '13600000002', password: 'resident-pass-1' });
    expect(await refusal(raise(legacy.id, w.a.compound.id))).toBe('issue.unverifiedOutside');
  });

  test('left out of the rates until staff acknowledge it; the volume counts it', async () => {
    const { db, jinyang, staff } = w;
    const user = await w.reg('13600000003');
    const compound = await createCompound(db, { communityId: jinyang.id, name: '统计小区' });
    const u = await raise(user.id, compound.id);
    const v = await raise(w.verified.id, compound.id);
    // Both past their acknowledgement deadline, neither acknowledged: both due, both late — if counted.
    await db.issue.updateMany({
      where: { id: { in: [u.id, v.id] } },
      data: { firstAcknowledgeBy: new Date(Date.now() - 60_000), acknowledgeBy: new Date(Date.now() - 60_000) },
    });
    const month = today().slice(0, 7);
    const scope = { column: 'compoundId' as const, ids: [compound.id] };
    const figures = async () => {
      await rebuildStats();
      const live = (await liveFigures(scope, { from: month, to: month }, null, 'all')).get('0')!.counts;
      const rolled = (await rollupFigures({ column: 'communityId', ids: [jinyang.id] }, { from: month, to: month }, null, 'all')).get(
        '0',
      )!.counts;
      // The community's rollup holds the earlier tests' issues too, none of them due yet.
      return { opened: live.opened, ackDue: live.ackDue, rolledAckDue: rolled.ackDue };
    };
    expect(await figures()).toEqual({ opened: 2, ackDue: 1, rolledAckDue: 1 });

    await actOnIssue(await byUser(staff.gridWorker.id, '网格员'), u.id, { type: 'ACKNOWLEDGE' });
    expect(await figures()).toEqual({ opened: 2, ackDue: 2, rolledAckDue: 2 });
  });
});

describe('raising is limited', () => {
  test('10 a day for an unverified account, even fired at once', async () => {
    const { db, a } = w;
    const user = await w.reg('13600000004');
    const answers = await Promise.all(Array.from({ length: 13 }, () => refusal(raise(user.id, a.compound.id, { client: '10.8.0.1' }))));
    expect(answers.filter((x) => x === 'no refusal')).toHaveLength(10);
    expect(answers.filter((x) => x === 'issue.raiseWait')).toHaveLength(3);
    expect(await db.issue.count({ where: { authorUserId: user.id } })).toBe(10);
  });

  test('60 an hour per address, whoever raises', async () => {
    const { db, a } = w;
    await raise(w.verified.id, a.compound.id, { client: '10.8.0.2' });
    await db.$executeRawUnsafe(`UPDATE "RateLimit" SET points = 59 WHERE key = 'signin_raiseAddress:10.8.0.2'`);
    const user = await w.reg('13600000005');
    expect(await refusal(raise(user.id, a.compound.id, { client: '10.8.0.2' }))).toBe('no refusal');
    expect(await refusal(raise(w.verified.id, a.compound.id, { client: '10.8.0.2' }))).toBe('issue.raiseWait');
    expect(await refusal(raise(w.verified.id, a.compound.id, { client: '10.8.0.3' }))).toBe('no refusal');
  });
});
