/**
 * The notice board's rules, pure. A notice's period, whether an objection may be filed now, whether its
 * period may be closed, and the exact text each link of the hash chain is computed over.
 */
import { addDays, addWorkingDays, type TCalendar } from '../calendar/working-calendar';

export type TPeriodUnit = 'CALENDAR' | 'WORKING';

/** Defaults per kind (rules.md §7: every period is a setting; 7 days for a notice, 15 for an owners' assembly). */
export const DEFAULT_PERIOD: Record<string, { days: number; unit: TPeriodUnit }> = {
  ANNOUNCEMENT: { days: 15, unit: 'CALENDAR' },
  DECISION: { days: 7, unit: 'CALENDAR' },
  PLAN: { days: 7, unit: 'CALENDAR' },
  OPINION: { days: 7, unit: 'CALENDAR' },
  RESULT: { days: 7, unit: 'CALENDAR' },
  FINANCE: { days: 7, unit: 'CALENDAR' },
  MINUTES: { days: 7, unit: 'CALENDAR' },
  MANUAL: { days: 7, unit: 'CALENDAR' },
};

/**
 * The last day of the period (inclusive, China's date): the publication day is not counted, as with
 * Civil Code art. 201 periods; working days skip weekends and holidays and count make-up days.
 */
export function periodLastDay(publishedOn: string, days: number, unit: TPeriodUnit, cal: TCalendar): string {
  return unit === 'WORKING' ? addWorkingDays(publishedOn, days, cal) : addDays(publishedOn, days);
}

export type TObjectionWindow = 'OPEN' | 'NOT_YET' | 'CLOSED' | 'SUPERSEDED';

/** Objections are filed during the period only, and never on a notice a correction replaced. */
export function objectionWindow(today: string, n: { publishedOn: string; lastDay: string; superseded: boolean }): TObjectionWindow {
  if (n.superseded) return 'SUPERSEDED';
  if (today < n.publishedOn) return 'NOT_YET';
  return today <= n.lastDay ? 'OPEN' : 'CLOSED';
}

/** The period may be closed once it is over and every objection has its answer. */
export function mayConclude(
  today: string,
  n: { lastDay: string; objections: { answered: boolean }[]; concluded: boolean },
): { ok: true; withObjections: boolean } | { ok: false; code: string } {
  if (n.concluded) return { ok: false, code: 'notice.concluded' };
  if (today <= n.lastDay) return { ok: false, code: 'notice.periodRunning' };
  if (n.objections.some((o) => !o.answered)) return { ok: false, code: 'notice.objectionUnanswered' };
  return { ok: true, withObjections: n.objections.length > 0 };
}

/** What a chain link covers: every published field, in a fixed order. */
export type TChainContent = {
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
  publishedAt: string;
  periodEndsAt: string | null;
  supersedesId: number | null;
  attachments: { name: string; sha256: string }[];
};

export const GENESIS = '0'.repeat(64);

/** The exact text hashed for a link: JSON with keys in a fixed order (so anyone can recompute it). */
export function chainText(c: TChainContent): string {
  return JSON.stringify([
    c.seq,
    c.prevHash,
    c.kind,
    c.category,
    c.title,
    c.body,
    c.bodyHtml,
    c.streetId,
    c.communityId,
    c.compoundId,
    c.topicId,
    c.publishedAt,
    c.periodEndsAt,
    c.supersedesId,
    c.attachments.map((a) => [a.name, a.sha256]),
  ]);
}

export type TChainCheck =
  { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: number; reason: 'GAP' | 'LINK' | 'HASH' };

/** Checks links in order: sequence without gaps, each pointing at the previous hash, each hash right. */
export function checkChain(links: { seq: number; prevHash: string; hash: string; computed: string }[]): TChainCheck {
  let prev = GENESIS;
  for (const [i, l] of links.entries()) {
    if (l.seq !== i + 1) return { ok: false, count: links.length, brokenAt: i + 1, reason: 'GAP' };
    if (l.prevHash !== prev) return { ok: false, count: links.length, brokenAt: l.seq, reason: 'LINK' };
    if (l.hash !== l.computed) return { ok: false, count: links.length, brokenAt: l.seq, reason: 'HASH' };
    prev = l.hash;
  }
  return { ok: true, count: links.length, head: prev };
}
