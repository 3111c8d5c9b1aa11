/**
 * Residents' meetings that decide (城市居民委员会组织法 arts. 9–10, rules.md §2, §4, decision 068), pure:
 * who is entitled (应到), the art. 10 least counts, the owners' committee notice warning (7 days) and the
 * 3-day publication warning of its decisions. Dates are China's calendar days "YYYY-MM-DD", passed in.
 */
import { addDays } from '../calendar/working-calendar';
import type { TResult } from '../votes/evaluate';
import { leastForFraction, reachesFraction, type TFraction } from '../votes/arithmetic';

export type TElectorate = 'ADULT_RESIDENTS' | 'HOUSEHOLDS' | 'GROUP_REPRESENTATIVES';
export type TRequestBasis = 'ADULTS' | 'HOUSEHOLDS' | 'GROUPS';

/** 18 or older in the current year; an unknown birth year counts as adult (decision 068). */
export const isAdult = (birthYear: number | null, year: number) => birthYear === null || year - birthYear >= 18;

/** A household of the roster: its current residents' birth years (an empty list: nobody lives there). */
export type TRosterHousehold = { id: number; residents: { personId: number; birthYear: number | null }[] };

/** Occupied households: at least one current resident. */
export const occupiedHouseholds = (hs: TRosterHousehold[]) => hs.filter((h) => h.residents.length > 0).length;

/** Adult residents of the place, each person once (someone living in two homes of the place is one resident). */
export function adultResidents(hs: TRosterHousehold[], year: number): number {
  const adults = new Set<number>();
  for (const h of hs) for (const r of h.residents) if (isAdult(r.birthYear, year)) adults.add(r.personId);
  return adults.size;
}

/** 应到 of a residents' meeting by its electorate: households, adult residents, or the representatives in force. */
export function entitled(e: TElectorate, roster: { households: TRosterHousehold[]; representatives: number }, year: number): number {
  if (e === 'HOUSEHOLDS') return occupiedHouseholds(roster.households);
  if (e === 'ADULT_RESIDENTS') return adultResidents(roster.households, year);
  return roster.representatives;
}

/** Art. 10: a fifth or more of adult residents or of households, a third or more of residents' groups (以上 includes it). */
export const REQUEST_FRACTION: Record<TRequestBasis, TFraction> = {
  ADULTS: { p: 1, q: 5 },
  HOUSEHOLDS: { p: 1, q: 5 },
  GROUPS: { p: 1, q: 3 },
};

/** The least support that obliges the committee to call the meeting, and whether `count` reaches it. */
export function requestThreshold(basis: TRequestBasis, total: number, count: number) {
  const f = REQUEST_FRACTION[basis];
  const least = leastForFraction(total, f);
  return { total, count, least, fraction: f, reached: total > 0 && reachesFraction(count, total, f) };
}

/** Days of notice an owners' committee meeting's agenda needs (rules.md §4): fewer is a warning the organiser may confirm. */
export const COMMITTEE_NOTICE_DAYS = 7;

/**
 * An owners' committee meeting scheduled on `noticeDay` for `meetingDay`: short notice unless the meeting is at least
 * 7 clear days later (the notice day not counted). The earliest compliant day is named.
 */
export function committeeNotice(noticeDay: string, meetingDay: string): { short: false } | { short: true; days: number; earliest: string } {
  const earliest = addDays(noticeDay, COMMITTEE_NOTICE_DAYS);
  return meetingDay >= earliest ? { short: false } : { short: true, days: COMMITTEE_NOTICE_DAYS, earliest };
}

/** A committee decision is published within 3 days (rules.md §4, §7: calendar days in China, the decision day not counted). */
export const PUBLISH_WITHIN_DAYS = 3;

const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/**
 * Where a committee decision stands: PUBLISHED (its notice is out), ON_TIME (days 0–2 after the decision day),
 * LAST_DAY (day 3: the warning starts, "须在 3 日内公布"), LATE (day 4 on: `over` days past the third day).
 */
export function publicationState(
  decidedDay: string,
  day: string,
  publishedDay: string | null,
): { state: 'PUBLISHED' | 'ON_TIME' | 'LAST_DAY' | 'LATE'; since: number; over: number; dueBy: string } {
  const dueBy = addDays(decidedDay, PUBLISH_WITHIN_DAYS);
  const since = dayNumber(day) - dayNumber(decidedDay);
  const over = Math.max(0, since - PUBLISH_WITHIN_DAYS);
  if (publishedDay !== null) return { state: 'PUBLISHED', since, over: 0, dueBy };
  if (since < PUBLISH_WITHIN_DAYS) return { state: 'ON_TIME', since, over: 0, dueBy };
  return { state: since === PUBLISH_WITHIN_DAYS ? 'LAST_DAY' : 'LATE', since, over, dueBy };
}

/**
 * A motion taken at a meeting takes its present count from the meeting's attendance: a typed count must match it.
 * Returns the count to use, or null when the typed one differs.
 */
export const presentFromMeeting = (typed: number, recorded: number): number | null => (typed === recorded ? recorded : null);

/**
 * The values of the households sentence "应到 420 户，出席 211 户（过半数户出席，至少 211 户），赞成 106 票，
 * 需出席者过半数（至少 106 票），通过" from a RESIDENTS_MEETING result.
 */
export function householdSentenceValues(r: TResult) {
  const quorum = r.checks.find((c) => c.what === 'quorum')!;
  const decision = r.checks.find((c) => c.what === 'decision')!;
  return {
    entitled: quorum.denominator,
    present: quorum.count,
    quorumLeast: quorum.least,
    quorumMet: String(quorum.met),
    for: decision.count,
    decisionLeast: decision.least,
    code: r.code,
  };
}
