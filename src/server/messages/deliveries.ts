import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/server/db';
import { applyWaitingReports } from '@/server/sms/reports';
import { logLine } from '@/server/log';
import type { TChannelSender, TNote, TOutcome } from './channel';

/**
 * Sends one channel's waiting copies (Delivery rows PENDING, due). Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several instances (or two runs at once) never send one copy twice. A refusal worth retrying (a provider's rate limit,
 * an unreachable server) waits — as long as the provider asked, else longer after each attempt — and is given up after
 * MAX_ATTEMPTS; any other refusal is final. Logs carry ids, kinds and codes: never the number, the address or the text.
 */
export const MAX_ATTEMPTS = 5;

const NOTE = { id: true, kind: true, title: true, body: true, issueId: true, topicId: true, link: true } as const;

export type TSendCounts = { sent: number; failed: number; dropped: number };

/** The update a delivery gets from a send's outcome. */
export function afterSend(outcome: TOutcome, attempts: number, now: Date) {
  if (outcome.ok)
    return { status: 'SENT' as const, attempts, providerMessageId: outcome.messageId, sentAt: now, retryAt: null, report: null };
  const giveUp = !outcome.retry || attempts >= MAX_ATTEMPTS;
  const wait = outcome.waitSeconds ?? 60 * 2 ** (attempts - 1);
  return {
    status: giveUp ? ('FAILED' as const) : ('PENDING' as const),
    attempts,
    report: outcome.code.slice(0, 80),
    retryAt: giveUp ? null : new Date(now.getTime() + wait * 1000),
  };
}

/**
 * A claimed copy not recorded by then is a crashed sender's and is taken over (possibly sent twice: a send whose answer
 * was lost cannot be told from one that never went). Longer than a whole batch takes: 50 sends of at most 10 s each.
 */
export const LEASE_SECONDS = 15 * 60;

/**
 * Claims due copies in one short statement: PENDING ones, and SENDING ones whose lease ran out. SKIP LOCKED and the
 * status change make two runs at once claim disjoint rows. Returns the rows with the claim's stamp.
 */
async function claim(sender: TChannelSender, limit: number) {
  const stamp = new Date();
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    UPDATE "Delivery" SET status = 'SENDING', "claimedAt" = ${stamp}
     WHERE id IN (SELECT id FROM "Delivery"
                   WHERE channel = ${sender.channel}::"Channel"
                     AND ((status = 'PENDING' AND ("retryAt" IS NULL OR "retryAt" <= now()))
                       OR (status = 'SENDING' AND "claimedAt" < now() - make_interval(secs => ${LEASE_SECONDS})))
                   ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (rows.length === 0) return { stamp, items: [] };
  const items = await getDb().delivery.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    orderBy: { id: 'asc' },
    select: { id: true, attempts: true, notification: { select: NOTE }, userId: true },
  });
  const users = await getDb().user.findMany({ where: { id: { in: items.map((i) => i.userId) } }, select: USER });
  const byId = new Map(users.map((u) => [u.id, u]));
  return { stamp, items: items.map((i) => ({ ...i, user: byId.get(i.userId) ?? null })) };
}

const USER = { id: true, phone: true, email: true, disabledAt: true } as const;

/** Records one copy's result on its own, only while this sender's claim still holds; true when it did. */
async function record(id: number, stamp: Date, data: Prisma.DeliveryUpdateManyMutationInput) {
  const { count } = await getDb().delivery.updateMany({ where: { id, status: 'SENDING', claimedAt: stamp }, data });
  return count === 1;
}

/** Hands one copy to the provider; a throw (a bug, a lost connection) counts as a refusal worth retrying. */
async function sendOne(sender: TChannelSender, to: string, note: TNote, id: number): Promise<TOutcome> {
  try {
    return await sender.send(to, note, id);
  } catch (e) {
    logLine('error', 'delivery.threw', { delivery: id, channel: sender.channel, error: e instanceof Error ? e.name : 'unknown' });
    return { ok: false, retry: true, code: 'exception' };
  }
}

/**
 * Sends one batch: the claim is committed first, each send happens outside any transaction, and each result is
 * committed as soon as the provider answered — so a delivery report finds the message id, and nothing sent is undone.
 */
export async function sendPendingDeliveries(sender: TChannelSender, limit = 50): Promise<TSendCounts> {
  const counts = { sent: 0, failed: 0, dropped: 0 };
  const { stamp, items } = await claim(sender, limit);
  for (const d of items) {
    const to = d.user && !d.user.disabledAt ? sender.address(d.user) : null;
    if (!to) {
      // The address was removed (or the account disabled) meanwhile: nothing to send.
      if (await record(d.id, stamp, { status: 'DROPPED', claimedAt: null })) counts.dropped++;
      continue;
    }
    const outcome = await sendOne(sender, to, d.notification as TNote, d.id);
    if (!(await record(d.id, stamp, { ...afterSend(outcome, d.attempts + 1, new Date()), claimedAt: null }))) continue;
    if (outcome.ok) {
      counts.sent++;
      if (sender.channel === 'SMS') await applyWaitingReports([outcome.messageId]);
      continue;
    }
    counts.failed++;
    logLine('error', 'delivery.failed', {
      delivery: d.id,
      channel: sender.channel,
      kind: d.notification.kind,
      code: outcome.code,
      retry: outcome.retry,
    });
  }
  return counts;
}
