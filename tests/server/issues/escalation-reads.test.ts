import { beforeAll, describe, expect, test } from 'vitest';
import { ensureIssueCategories } from '@/server/issues/categories';
import { escalationCandidates, runEscalationPass } from '@/server/issues/escalation-pass';
import { createIssueWithHistory } from '../../factories/issues';
import { communityByCode, createCompound } from '../../factories/territory';
import { testDb } from '../db';

// The pass runs every five minutes: what it reads must be what it may act on, not every overdue issue
// that has nowhere left to go (issue 16, item 6).
let compoundId: number;
beforeAll(async () => {
  const db = testDb();
  await ensureIssueCategories(db);
  compoundId = (await createCompound(db, { communityId: (await communityByCode(db, '510502006006')).id, name: '升级小区' })).id;
});

const HOUR = 3600_000;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);
const issue = (title: string, a: { level: 'COMPOUND' | 'DISTRICT'; acknowledgeBy: Date; resolveBy: Date }) =>
  createIssueWithHistory(testDb(), {
    categoryCode: 'FACILITIES',
    title,
    description: '-',
    compoundId,
    authorUserId: null,
    createdAt: at(a.acknowledgeBy, -48),
    steps: [],
    ...a,
  });

describe('the escalation pass reads only issues it may act on', () => {
  test('an issue escalated to the district and overdue there is not read again by later passes', async () => {
    const db = testDb();
    const now = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
    const raised = await issue('化粪池堵塞', { level: 'COMPOUND', acknowledgeBy: at(now, -1), resolveBy: at(now, 100) });
    // Escalate it to the top: compound → community → street → district, each time after its new deadline.
    let t = now;
    for (let i = 0; i < 3; i++) {
      expect(await runEscalationPass(t)).toMatchObject({ escalated: 1 });
      t = (await db.issue.findUniqueOrThrow({ where: { id: raised.id } })).acknowledgeBy;
    }
    expect((await db.issue.findUniqueOrThrow({ where: { id: raised.id } })).level).toBe('DISTRICT');
    const later = at(t, 1);
    expect((await escalationCandidates(later)).map((i) => i.id)).not.toContain(raised.id);
    // Nothing to do for it now or in later passes; it stays overdue (the dashboards show it).
    expect(await runEscalationPass(later)).toMatchObject({ escalated: 0, reminded: 0 });
    expect((await escalationCandidates(at(later, 24 * 7))).map((i) => i.id)).not.toContain(raised.id);
  });

  test('read: overdue below the top, and due soon without a reminder; not read: overdue at the top, reminded and not yet due', async () => {
    const db = testDb();
    const now = new Date('2026-03-03T02:00:00Z');
    const far = at(now, 24 * 30);
    const overdueBelow = await issue('楼道灯坏', { level: 'COMPOUND', acknowledgeBy: at(now, -2), resolveBy: far });
    const soonAtTop = await issue('路面塌陷', { level: 'DISTRICT', acknowledgeBy: at(now, 3), resolveBy: far });
    const overdueAtTop = await issue('噪音扰民', { level: 'DISTRICT', acknowledgeBy: at(now, -5), resolveBy: far });
    const reminded = await issue('电梯故障', { level: 'COMPOUND', acknowledgeBy: at(now, 3), resolveBy: far });
    await db.issue.update({ where: { id: reminded.id }, data: { remindedAt: at(now, -1) } });
    // Acknowledged: its acknowledgement deadline passed long ago, the resolution deadline is what counts.
    const acknowledged = await issue('垃圾清运', { level: 'COMPOUND', acknowledgeBy: at(now, -30), resolveBy: far });
    await db.issue.update({ where: { id: acknowledged.id }, data: { state: 'ACKNOWLEDGED' } });
    const read = new Set((await escalationCandidates(now)).map((i) => i.id));
    expect([overdueBelow, soonAtTop, overdueAtTop, reminded, acknowledged].map((i) => read.has(i.id))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
