import {
  HALF,
  halfOrMore,
  leastForFraction,
  leastForHalfOrMore,
  leastForMoreThanHalf,
  moreThanHalf,
  reachesFraction,
  THREE_QUARTERS,
  TWO_THIRDS,
  type TFraction,
} from './arithmetic';
import type { TOwnerCounts } from './owners';

/**
 * Decision rules (rules.md §1–§5). A result says what passed or failed and why, with every number a
 * sentence needs: the rule, the denominator used, the counts and the least count needed. The domain
 * returns codes; the UI turns them into "赞成 25 票，应到 37 人，需三分之二以上（至少 25 票），通过".
 */
export type TRule =
  | { kind: 'ROSTER_FRACTION'; fraction: TFraction } // of all members of a fixed roster (seven-step step 5; roadshow)
  | { kind: 'RESIDENTS_MEETING' } // quorum more than half of those entitled; more than half of those present
  | { kind: 'PARTY_MEMBERS_MEETING' } // quorum two thirds of members; more than half of those present
  | { kind: 'OWNERS_COMMITTEE'; jurisdiction: 'NATIONAL' | 'BEIJING_SHANGHAI' }
  | { kind: 'OWNERS_ASSEMBLY'; matter: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9; silentFollowMajority?: boolean }
  | { kind: 'UNANIMOUS_INTERESTED' }; // Civil Code art. 279

export type TCheck = {
  /** What is checked: the quorum/turnout or the decision, by heads or by area. */
  what: 'quorum' | 'turnoutHeads' | 'turnoutArea' | 'decision' | 'decisionHeads' | 'decisionArea';
  /** The threshold: "2/3" (以上), "MORE_THAN_HALF" (过半数), "HALF_OR_MORE" (半数以上), "3/4", "ALL". */
  threshold: '2/3' | '3/4' | 'MORE_THAN_HALF' | 'HALF_OR_MORE' | 'ALL';
  /** The denominator and what it is. */
  base: 'ROSTER' | 'ENTITLED' | 'PRESENT' | 'PARTICIPATING' | 'MEMBERS' | 'INTERESTED' | 'TOTAL';
  denominator: number;
  count: number;
  /** Least count that passes (for areas: in 0.01 m²). */
  least: number;
  met: boolean;
};

export type TResult = { passed: boolean; rule: TRule; checks: TCheck[]; code: 'passed' | 'failed' | 'noQuorum' | 'turnoutFailed' };

function fractionCheck(what: TCheck['what'], base: TCheck['base'], count: number, denominator: number, f: TFraction): TCheck {
  return {
    what,
    base,
    count,
    denominator,
    threshold:
      f === TWO_THIRDS ? '2/3' : f === THREE_QUARTERS ? '3/4' : f === HALF ? 'HALF_OR_MORE' : (`${f.p}/${f.q}` as TCheck['threshold']),
    least: leastForFraction(denominator, f),
    met: reachesFraction(count, denominator, f),
  };
}
function moreThanHalfCheck(what: TCheck['what'], base: TCheck['base'], count: number, denominator: number): TCheck {
  return {
    what,
    base,
    count,
    denominator,
    threshold: 'MORE_THAN_HALF',
    least: leastForMoreThanHalf(denominator),
    met: moreThanHalf(count, denominator),
  };
}
function halfOrMoreCheck(what: TCheck['what'], base: TCheck['base'], count: number, denominator: number): TCheck {
  return {
    what,
    base,
    count,
    denominator,
    threshold: 'HALF_OR_MORE',
    least: leastForHalfOrMore(denominator),
    met: halfOrMore(count, denominator),
  };
}

function result(rule: TRule, gate: TCheck[], decision: TCheck[], gateFail: TResult['code']): TResult {
  if (gate.some((c) => !c.met)) return { passed: false, rule, checks: [...gate, ...decision], code: gateFail };
  const passed = decision.every((c) => c.met);
  return { passed, rule, checks: [...gate, ...decision], code: passed ? 'passed' : 'failed' };
}

/** Bodies with a roster: members (the roster frozen when the motion opened), present, for. */
export type TBodyTally = { roster: number; present: number; for: number };

export function evaluateBody(rule: Exclude<TRule, { kind: 'OWNERS_ASSEMBLY' }>, t: TBodyTally): TResult {
  switch (rule.kind) {
    case 'ROSTER_FRACTION':
      // Of all members: abstentions and absences do not help.
      return result(rule, [], [fractionCheck('decision', 'ROSTER', t.for, t.roster, rule.fraction)], 'failed');
    case 'RESIDENTS_MEETING':
      return result(
        rule,
        [moreThanHalfCheck('quorum', 'ENTITLED', t.present, t.roster)],
        [moreThanHalfCheck('decision', 'PRESENT', t.for, t.present)],
        'noQuorum',
      );
    case 'PARTY_MEMBERS_MEETING':
      return result(
        rule,
        [fractionCheck('quorum', 'MEMBERS', t.present, t.roster, TWO_THIRDS)],
        [moreThanHalfCheck('decision', 'PRESENT', t.for, t.present)],
        'noQuorum',
      );
    case 'OWNERS_COMMITTEE':
      return result(
        rule,
        [moreThanHalfCheck('quorum', 'MEMBERS', t.present, t.roster)],
        [
          rule.jurisdiction === 'NATIONAL'
            ? halfOrMoreCheck('decision', 'MEMBERS', t.for, t.roster)
            : moreThanHalfCheck('decision', 'MEMBERS', t.for, t.roster),
        ],
        'noQuorum',
      );
    case 'UNANIMOUS_INTERESTED':
      return result(
        rule,
        [],
        [
          {
            what: 'decision',
            base: 'INTERESTED',
            threshold: 'ALL',
            denominator: t.roster,
            count: t.for,
            least: t.roster,
            met: t.for === t.roster,
          },
        ],
        'failed',
      );
  }
}

/**
 * Owners' assembly: turnout two thirds by area and by heads, always; matters (6)–(8) three quarters of
 * participating area and heads; other matters more than half of both. With "silent owners follow the
 * majority" on, once turnout holds, non-participants are added to the side of the participating majority
 * — it never creates turnout.
 */
export function evaluateOwners(rule: Extract<TRule, { kind: 'OWNERS_ASSEMBLY' }>, c: TOwnerCounts): TResult {
  const gate = [
    fractionCheck('turnoutArea', 'TOTAL', c.areaParticipating, c.areaTotal, TWO_THIRDS),
    fractionCheck('turnoutHeads', 'TOTAL', c.headsParticipating, c.headsTotal, TWO_THIRDS),
  ];
  const special = rule.matter >= 6 && rule.matter <= 8;
  let { headsFor, areaFor } = c;
  let heads = c.headsParticipating;
  let area = c.areaParticipating;
  if (rule.silentFollowMajority && gate.every((g) => g.met) && moreThanHalf(c.headsFor, c.headsParticipating)) {
    headsFor += c.headsTotal - c.headsParticipating;
    areaFor += c.areaTotal - c.areaParticipating;
    heads = c.headsTotal;
    area = c.areaTotal;
  }
  const decision = special
    ? [
        fractionCheck('decisionArea', 'PARTICIPATING', areaFor, area, THREE_QUARTERS),
        fractionCheck('decisionHeads', 'PARTICIPATING', headsFor, heads, THREE_QUARTERS),
      ]
    : [
        moreThanHalfCheck('decisionArea', 'PARTICIPATING', areaFor, area),
        moreThanHalfCheck('decisionHeads', 'PARTICIPATING', headsFor, heads),
      ];
  return result(rule, gate, decision, 'turnoutFailed');
}

/**
 * Notice of an owners' assembly: at least `days` days before it meets, the notice day not counted
 * (rules.md §3, §7). Dates are ISO "YYYY-MM-DD".
 */
export function noticeIsInTime(noticeDay: string, meetingDay: string, days = 15): boolean {
  const d = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
  return d(meetingDay) - d(noticeDay) >= days;
}

/** The first day an owners' vote may take place after a notice on `noticeDay`: the earliest day noticeIsInTime accepts. */
export function firstVotingDay(noticeDay: string, days = 15): string {
  const t = Date.UTC(+noticeDay.slice(0, 4), +noticeDay.slice(5, 7) - 1, +noticeDay.slice(8, 10)) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The owners' committee setting a district starts with: Beijing (11…) and Shanghai (31…) by their division code. */
export function committeeRuleOfDistrictCode(code: string): 'NATIONAL' | 'BEIJING_SHANGHAI' {
  return code.startsWith('11') || code.startsWith('31') ? 'BEIJING_SHANGHAI' : 'NATIONAL';
}
