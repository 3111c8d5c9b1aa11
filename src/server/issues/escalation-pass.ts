import 'server-only';
import { dueAction } from '@/domain/issues/deadlines';
import type { TLevel } from '@/domain/issues/lifecycle';
import { writeAudit } from '@/server/audit';
import { calendarsFor } from './district-settings';
import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/server/db';
import { fromChinaLocal, toChinaLocal } from './clock';
import { deadlinesFrom } from '@/domain/issues/deadlines';
import { findHandler, policyOf } from './handlers';
import { notify } from './notify';
import { reminded } from './handoff';
import { today } from '@/server/today';

const SYSTEM = '系统（超时升级）';

/**
 * One pass of the escalation job: for every open issue whose deadline is near or past, remind the
 * handler, or escalate one level (compound → community → street → district) with a new handler and
 * fresh deadlines. Each issue is changed in its own transaction, conditionally on the state and level
 * read, so two app instances running the pass at once never escalate an issue twice.
 */
export async function runEscalationPass(now = new Date()) {
  const db = getDb();
  const nowLocal = toChinaLocal(now);
  const candidates = await escalationCandidates(now);
  const calendars = await calendarsFor(candidates.map((i) => i.districtId));
  const counts = { reminded: 0, escalated: 0, overdueAtTop: 0 };
  for (const i of candidates) {
    const cal = calendars.get(i.districtId)!;
    const policy = policyOf(i.category);
    const due = dueAction(
      {
        state: i.state,
        level: i.level,
        reminded: i.remindedAt !== null,
        deadlines: { acknowledgeBy: toChinaLocal(i.acknowledgeBy), resolveBy: toChinaLocal(i.resolveBy) },
      },
      nowLocal,
      policy,
      cal,
    );
    if (due.kind === 'NONE') continue;
    if (due.kind === 'OVERDUE_AT_TOP') {
      counts.overdueAtTop++;
      continue;
    }
    await db.$transaction(async (tx) => {
      if (due.kind === 'REMIND') {
        const r = await tx.issue.updateMany({
          where: { id: i.id, remindedAt: null, state: i.state, level: i.level },
          data: { remindedAt: now },
        });
        if (r.count === 1) {
          await notify(tx, await reminded(tx, i, today(now)), {
            kind: 'issue.reminder',
            issueId: i.id,
            title: i.title,
            body: due.deadline,
          });
          counts.reminded++;
        }
        return;
      }
      const to: TLevel = due.to;
      const d = deadlinesFrom(nowLocal, policy, cal);
      const assignee = (await findHandler(tx, i, to, i.category.handlerRole)) ?? i.assigneeUserId;
      const r = await tx.issue.updateMany({
        where: { id: i.id, state: i.state, level: i.level },
        data: {
          level: to,
          assigneeUserId: assignee,
          acknowledgeBy: fromChinaLocal(d.acknowledgeBy),
          resolveBy: fromChinaLocal(d.resolveBy),
          remindedAt: null,
        },
      });
      if (r.count !== 1) return;
      await tx.issueEvent.create({
        data: {
          issueId: i.id,
          actorLabel: SYSTEM,
          type: 'ESCALATE',
          fromState: i.state,
          toState: i.state,
          level: to,
          message: due.deadline,
        },
      });
      await notify(tx, [assignee, ...i.followers.map((f) => f.userId)], {
        kind: 'issue.escalate',
        issueId: i.id,
        title: i.title,
        body: to,
      });
      await writeAudit(tx, {
        actorId: null,
        actorLabel: SYSTEM,
        action: 'issue.escalate',
        entityType: 'Issue',
        entityId: i.id,
        before: { level: i.level },
        after: { level: to, missed: due.deadline },
        communityId: i.communityId,
        compoundId: i.compoundId,
      });
      counts.escalated++;
    });
  }
  return counts;
}

/** The deadline that counts for an open issue: acknowledgement until acknowledged, then resolution (as dueAction reads it). */
const DEADLINE = Prisma.sql`(CASE WHEN state IN ('SUBMITTED', 'REOPENED') THEN "acknowledgeBy" ELSE "resolveBy" END)`;
const OPEN = Prisma.sql`state IN ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED') AND "mergedIntoId" IS NULL`;

const CANDIDATE_SLICE = 5_000;
const candidateSelect = {
  id: true,
  state: true,
  level: true,
  title: true,
  acknowledgeBy: true,
  resolveBy: true,
  remindedAt: true,
  assigneeUserId: true,
  buildingId: true,
  compoundId: true,
  communityId: true,
  streetId: true,
  districtId: true,
  category: true,
  followers: { select: { userId: true } },
} as const;

/**
 * The open issues a pass may act on: below the district with their deadline missed (escalate), or not yet
 * reminded with it within a day (remind). An issue overdue at the district has nowhere left to go and is
 * not read again, pass after pass; one reminded and not yet due waits until it is. Each half is a range
 * over its own partial index (migration 20261203064957_hot_read_indexes). Deadlines are whole minutes, and
 * a deadline in the current minute is missed (dueAction compares minutes).
 */
export async function escalationCandidates(now: Date) {
  const db = getDb();
  const missedBefore = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000).toISOString();
  const horizon = new Date(now.getTime() + 24 * 3600 * 1000).toISOString();
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Issue" WHERE ${OPEN} AND level <> 'DISTRICT' AND ${DEADLINE} < ${missedBefore}::timestamp
    UNION ALL
    SELECT id FROM "Issue" WHERE ${OPEN} AND "remindedAt" IS NULL AND ${DEADLINE} >= ${missedBefore}::timestamp AND ${DEADLINE} <= ${horizon}::timestamp`;
  const ids = [...new Set(rows.map((r) => r.id))].sort((a, b) => a - b);
  const out = [];
  // In slices: a backlog (a new installation's imported issues, a long outage) can exceed the statement's parameter limit.
  for (let i = 0; i < ids.length; i += CANDIDATE_SLICE) {
    out.push(
      ...(await db.issue.findMany({
        where: { id: { in: ids.slice(i, i + CANDIDATE_SLICE) } },
        orderBy: { id: 'asc' },
        select: candidateSelect,
      })),
    );
  }
  return out;
}
