import { leastForFraction, leastForMoreThanHalf, moreThanHalf, reachesFraction, TWO_THIRDS, type TFraction } from '../votes/arithmetic';
import type { TElectionRule } from './status';

/**
 * Counting an election (decision 069). Pure and exact: integers only, thresholds by cross-multiplying (rules.md §0).
 *
 * - Turnout (ballots returned, invalid ones included, over the frozen roll): more than half of the electorate for
 *   MAJORITY, PLURALITY and RUNOFF_THIRD; two thirds by heads and by area for OWNERS_278 (Civil Code art. 278).
 *   Turnout failed: nobody is elected, the election must be held again.
 * - Who qualifies: MAJORITY more than half of the ballots cast; RUNOFF_THIRD a third or more of them; PLURALITY any vote;
 *   OWNERS_278 more than half of the participating owners by heads and by area (matter 3 is an ordinary matter).
 * - Qualifiers are ranked by votes (owners: votes, then area). Up to `seats` are elected. A tie across the last seat
 *   is not decided by lot: those tied go to a run-off for the seats left. Seats left because too few qualified go to a
 *   run-off among the next candidates (twice the seats left, more if tied at the cut) by the rule's run-off rule.
 */
export const THIRD: TFraction = { p: 1, q: 3 };

export type TCountInput = {
  rule: TElectionRule;
  seats: number;
  /** The frozen roll: electors (heads) and, for owners, their total area in 0.01 m². */
  roll: { heads: number; areaCentiM2: number };
  /** Ballots returned (invalid ones included): heads and, for owners, the area they vote with. */
  cast: { heads: number; areaCentiM2: number };
  /** Every listed candidate with the votes (heads) and, for owners, the area of those votes. */
  candidates: { id: number; votes: number; areaCentiM2: number }[];
};

export type TTurnoutCheck = {
  what: 'turnoutHeads' | 'turnoutArea';
  threshold: 'MORE_THAN_HALF' | '2/3';
  denominator: number;
  count: number;
  least: number;
  met: boolean;
};

export type TCandidateLine = {
  id: number;
  votes: number;
  areaCentiM2: number;
  /** Least votes (heads) to qualify, and for owners the least area. */
  leastVotes: number;
  leastAreaCentiM2: number | null;
  qualifies: boolean;
  outcome: 'ELECTED' | 'RUNOFF' | 'NOT_ELECTED';
};

export type TElectionResult = {
  rule: TElectionRule;
  seats: number;
  roll: TCountInput['roll'];
  cast: TCountInput['cast'];
  turnout: TTurnoutCheck[];
  /** ELECTED: every seat filled; RUNOFF: some seats go to a run-off; VACANT: seats left and nobody to run off; TURNOUT_FAILED. */
  code: 'ELECTED' | 'RUNOFF' | 'VACANT' | 'TURNOUT_FAILED';
  elected: number[];
  runoff: { seats: number; candidateIds: number[]; rule: TElectionRule; reason: 'TIE' | 'SHORT' } | null;
  /** In ranking order (votes, then area, then id for a stable display). */
  lines: TCandidateLine[];
};

export const runoffRuleOf = (rule: TElectionRule): TElectionRule => (rule === 'MAJORITY' ? 'RUNOFF_THIRD' : rule);

function turnoutOf(i: TCountInput): TTurnoutCheck[] {
  if (i.rule === 'OWNERS_278') {
    return [
      {
        what: 'turnoutHeads',
        threshold: '2/3',
        denominator: i.roll.heads,
        count: i.cast.heads,
        least: leastForFraction(i.roll.heads, TWO_THIRDS),
        met: reachesFraction(i.cast.heads, i.roll.heads, TWO_THIRDS),
      },
      {
        what: 'turnoutArea',
        threshold: '2/3',
        denominator: i.roll.areaCentiM2,
        count: i.cast.areaCentiM2,
        least: leastForFraction(i.roll.areaCentiM2, TWO_THIRDS),
        met: reachesFraction(i.cast.areaCentiM2, i.roll.areaCentiM2, TWO_THIRDS),
      },
    ];
  }
  return [
    {
      what: 'turnoutHeads',
      threshold: 'MORE_THAN_HALF',
      denominator: i.roll.heads,
      count: i.cast.heads,
      least: leastForMoreThanHalf(i.roll.heads),
      met: moreThanHalf(i.cast.heads, i.roll.heads),
    },
  ];
}

function leastOf(i: TCountInput): { votes: number; area: number | null } {
  switch (i.rule) {
    case 'MAJORITY':
      return { votes: leastForMoreThanHalf(i.cast.heads), area: null };
    case 'RUNOFF_THIRD':
      return { votes: Math.max(1, leastForFraction(i.cast.heads, THIRD)), area: null };
    case 'PLURALITY':
      return { votes: 1, area: null };
    case 'OWNERS_278':
      return { votes: leastForMoreThanHalf(i.cast.heads), area: leastForMoreThanHalf(i.cast.areaCentiM2) };
  }
}

/** Same rank: same votes and, for owners, same area. */
const sameRank = (rule: TElectionRule, a: TCountInput['candidates'][number], b: TCountInput['candidates'][number]) =>
  a.votes === b.votes && (rule !== 'OWNERS_278' || a.areaCentiM2 === b.areaCentiM2);

export function countElection(i: TCountInput): TElectionResult {
  if (!Number.isInteger(i.seats) || i.seats < 1) throw new Error('An election has at least one seat.');
  const ranked = [...i.candidates].sort(
    (a, b) => b.votes - a.votes || (i.rule === 'OWNERS_278' ? b.areaCentiM2 - a.areaCentiM2 : 0) || a.id - b.id,
  );
  const turnout = turnoutOf(i);
  const least = leastOf(i);
  const qualifies = (c: TCountInput['candidates'][number]) =>
    c.votes >= least.votes && (least.area === null || c.areaCentiM2 >= least.area) && c.votes > 0;
  const outcome = new Map<number, TCandidateLine['outcome']>(ranked.map((c) => [c.id, 'NOT_ELECTED']));
  const base = { rule: i.rule, seats: i.seats, roll: i.roll, cast: i.cast, turnout };
  const lines = () =>
    ranked.map((c) => ({
      ...c,
      leastVotes: least.votes,
      leastAreaCentiM2: least.area,
      qualifies: turnout.every((t) => t.met) && qualifies(c),
      outcome: outcome.get(c.id)!,
    }));
  if (!turnout.every((t) => t.met)) return { ...base, code: 'TURNOUT_FAILED', elected: [], runoff: null, lines: lines() };

  const qualified = ranked.filter(qualifies);
  let elected = qualified.slice(0, i.seats);
  let runoff: TElectionResult['runoff'] = null;
  const next = qualified[i.seats];
  const last = elected[elected.length - 1];
  if (next && last && sameRank(i.rule, next, last)) {
    // A tie across the last seat: those tied run off for the seats they would share.
    const tied = qualified.filter((c) => sameRank(i.rule, c, last));
    elected = elected.filter((c) => !sameRank(i.rule, c, last));
    runoff = { seats: i.seats - elected.length, candidateIds: tied.map((c) => c.id), rule: i.rule, reason: 'TIE' };
  } else if (elected.length < i.seats) {
    // Too few qualified: the next candidates in order run off for the seats left (差额: twice as many, ties at the cut kept).
    const left = i.seats - elected.length;
    const rest = ranked.filter((c) => !elected.includes(c) && c.votes > 0);
    const cut = rest.slice(0, 2 * left);
    const edge = cut[cut.length - 1];
    const pool = edge ? rest.filter((c, k) => k < 2 * left || sameRank(i.rule, c, edge)) : [];
    // Fewer candidates than seats left cannot be a run-off with a choice; a run-off of exactly as many is still held
    // (each must reach the run-off rule's threshold).
    runoff = pool.length > 0 ? { seats: left, candidateIds: pool.map((c) => c.id), rule: runoffRuleOf(i.rule), reason: 'SHORT' } : null;
  }
  for (const c of elected) outcome.set(c.id, 'ELECTED');
  for (const id of runoff?.candidateIds ?? []) outcome.set(id, 'RUNOFF');
  const code: TElectionResult['code'] = runoff ? 'RUNOFF' : elected.length === i.seats ? 'ELECTED' : 'VACANT';
  return { ...base, code, elected: elected.map((c) => c.id), runoff, lines: lines() };
}
