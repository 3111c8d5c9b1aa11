import 'server-only';
import { createHash } from 'node:crypto';
import {
  chainText,
  checkChain,
  DEFAULT_PERIOD,
  GENESIS,
  periodLastDay,
  type TChainContent,
  type TPeriodUnit,
} from '@/domain/notices/board';
import { uncoveredYears } from '@/domain/calendar/working-calendar';
import { getDb, type TDb, type TTx } from '@/server/db';
import { fromChinaLocal, toChinaLocal } from '@/server/issues/clock';
import { calendarFor } from '@/server/issues/district-settings';
import { extendChainCheck } from './chain-flag';

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
/** One lock for the whole chain: links are added one at a time, in order, whatever the instance. */
const CHAIN_LOCK = 4_311_000;

export type TNoticeInput = {
  kind: string;
  category: 'PARTY' | 'RESIDENTS' | 'FINANCE';
  title: string;
  body: string;
  bodyHtml?: string | null;
  place: { streetId: number; communityId: number | null; compoundId: number | null; districtId: number };
  topicId?: number | null;
  /** A topic's notice: the step it is publicised in (one per topic, step and kind; not part of the chained text). */
  stepIndex?: number | null;
  /** With stepIndex: the topic's round (times sent back) — a step walked again publishes again. */
  round?: number;
  period?: { days: number; unit: TPeriodUnit };
  supersedesId?: number | null;
  createdById: number | null;
  attachments?: { name: string; mime: string; bytes: number; sha256: string; storageKey: string }[];
};

function contentOf(
  n: {
    seq: number;
    prevHash: string;
    kind: string;
    category: string;
    title: string;
    body: string;
    bodyHtml: string | null;
    streetId: number | null;
    communityId: number | null;
    compoundId: number | null;
    topicId: number | null;
    publishedAt: Date;
    periodEndsAt: Date | null;
    supersedesId: number | null;
  },
  attachments: { name: string; sha256: string }[],
): TChainContent {
  return {
    seq: n.seq,
    prevHash: n.prevHash,
    kind: n.kind,
    category: n.category,
    title: n.title,
    body: n.body,
    bodyHtml: n.bodyHtml,
    streetId: n.streetId,
    communityId: n.communityId,
    compoundId: n.compoundId,
    topicId: n.topicId,
    publishedAt: n.publishedAt.toISOString(),
    periodEndsAt: n.periodEndsAt?.toISOString() ?? null,
    supersedesId: n.supersedesId,
    attachments: [...attachments].sort((a, b) => a.sha256.localeCompare(b.sha256)).map((a) => ({ name: a.name, sha256: a.sha256 })),
  };
}

/**
 * Publishes a notice, inside the caller's transaction: its period ends on the district's calendar, and
 * it becomes the next link of the board's hash chain (sequence, the previous link's hash, its own hash
 * over every published field and the attachments' SHA-256). From then on a database trigger refuses
 * any change to it. `uncovered`: the years a period in working days reaches whose holidays the calendar does not know.
 */
export async function publishNotice(tx: TTx, n: TNoticeInput) {
  await lockChain(tx);
  await linkUnchained(tx);
  const period = n.period ?? DEFAULT_PERIOD[n.kind] ?? DEFAULT_PERIOD.MANUAL!;
  const publishedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const calendar = await calendarFor(n.place.districtId, tx);
  const first = toChinaLocal(publishedAt).date;
  const last = periodLastDay(first, period.days, period.unit, calendar);
  // A period in working days that reaches a year whose holidays the calendar does not know may end too early.
  const uncovered = period.unit === 'WORKING' ? uncoveredYears([first, last], calendar) : [];
  const periodEndsAt = fromChinaLocal({ date: last, minute: 24 * 60 - 1 });
  const head = await tx.notice.findFirst({ where: { seq: { not: null } }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const fields = {
    kind: n.kind,
    category: n.category,
    title: n.title,
    body: n.body,
    bodyHtml: n.bodyHtml ?? null,
    streetId: n.place.streetId,
    communityId: n.place.communityId,
    compoundId: n.place.compoundId,
    topicId: n.topicId ?? null,
    publishedAt,
    periodEndsAt,
    supersedesId: n.supersedesId ?? null,
  };
  const hash = sha256(chainText(contentOf({ seq, prevHash, ...fields }, n.attachments ?? [])));
  const notice = await tx.notice.create({
    data: {
      ...fields,
      stepIndex: n.stepIndex ?? null,
      round: n.round ?? 0,
      periodDays: period.days,
      periodUnit: period.unit,
      createdById: n.createdById,
      seq,
      prevHash,
      hash,
    },
  });
  if (n.attachments?.length) await tx.noticeAttachment.createMany({ data: n.attachments.map((a) => ({ ...a, noticeId: notice.id })) });
  await extendChainCheck(tx, { prevHash, hash });
  return { ...notice, uncovered };
}

/** Holds the board until the transaction ends: notices are published one at a time, whatever the instance. */
export async function lockChain(tx: TTx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
}

/** Links notices published before the chain existed (an older installation), in publication order. */
async function linkUnchained(tx: TTx) {
  const loose = await tx.notice.findMany({ where: { hash: null }, orderBy: { id: 'asc' }, include: { attachments: true } });
  if (loose.length === 0) return;
  const head = await tx.notice.findFirst({ where: { seq: { not: null } }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS;
  for (const n of loose) {
    seq += 1;
    const hash = sha256(chainText(contentOf({ ...n, seq, prevHash: prev }, n.attachments)));
    await tx.notice.update({ where: { id: n.id }, data: { seq, prevHash: prev, hash } });
    prev = hash;
  }
}

/** Recomputes the whole chain from the stored notices: the hourly job and staff on demand (chain-check.ts), never per visit. */
export async function verifyChain(db: TDb = getDb()) {
  const rows = await db.notice.findMany({
    where: { seq: { not: null } },
    orderBy: { seq: 'asc' },
    include: { attachments: { select: { name: true, sha256: true } } },
  });
  const links = rows.map((n) => ({
    seq: n.seq!,
    prevHash: n.prevHash!,
    hash: n.hash!,
    computed: sha256(chainText(contentOf({ ...n, seq: n.seq!, prevHash: n.prevHash! }, n.attachments))),
  }));
  return checkChain(links);
}

export { sha256 };
