import type { TCheck, TResult, TRule } from './evaluate';

/**
 * Everything a printed result must carry (issue #14 item 5), as data: the rule, the body that voted
 * (or the compound's owners), the denominator and what it is, for / against / abstain / not voted,
 * present / absent where a meeting's quorum applies, the least count, the fraction and the outcome.
 * No percentage: "24/36, at least 24" can never contradict the decision the way "66.66%" next to
 * "needs 66.67%" does. The UI turns it into words per locale (src/server/votes/describe.ts).
 */
export type TVoterGroup = 'BODY' | 'PARTY_MEMBERS' | 'OWNERS' | 'HOUSEHOLDS';

export type TCheckView = TCheck & { fraction: { n: number; d: number } };

export type TResultView = {
  rule: TRule['kind'];
  /** Owners' assembly matter (1–9), owners' committee jurisdiction, roster fraction "2/3". */
  matter: number | null;
  jurisdiction: 'NATIONAL' | 'BEIJING_SHANGHAI' | null;
  voters: TVoterGroup;
  /** The body's name when a body voted ("晋阳社区议事会"); null for owners, party members, households. */
  bodyName: string | null;
  /** The denominator of the decision and what it is (all members, those present, those voting). */
  denominator: { kind: TCheck['base']; size: number };
  roster: number;
  /** Against and abstain are null when a hand count of owners recorded only those for (then `notFor` says the rest). */
  counts: {
    for: number;
    against: number | null;
    abstain: number | null;
    notFor: number;
    notVoted: number;
    present: number | null;
    absent: number | null;
  };
  /** Owners' assemblies count area too (0.01 m²). */
  area: { total: number; voting: number; for: number } | null;
  least: number;
  fraction: { n: number; d: number };
  checks: TCheckView[];
  outcome: TResult['code'];
  passed: boolean;
};

/** What a closed motion stores: its tally counts, as recorded by hand or computed from ballots. */
export type TStoredTally = Partial<
  Record<
    | 'roster'
    | 'present'
    | 'for'
    | 'against'
    | 'abstain'
    | 'headsTotal'
    | 'areaTotal'
    | 'headsParticipating'
    | 'areaParticipating'
    | 'headsFor'
    | 'areaFor',
    number
  >
>;

/** Rules with a meeting's quorum: present and absent are part of the result. */
const QUORUM_RULES: TRule['kind'][] = ['RESIDENTS_MEETING', 'PARTY_MEMBERS_MEETING', 'OWNERS_COMMITTEE'];

/** The structured description of a stored result; `roster` is the frozen roster's size. */
export function resultView(a: {
  result: TResult;
  tally: TStoredTally | null;
  voters: TVoterGroup;
  bodyName?: string | null;
  roster: number;
}): TResultView {
  const { result, voters } = a;
  const t = a.tally ?? {};
  const rule = result.rule;
  const owners = rule.kind === 'OWNERS_ASSEMBLY';
  const checks = result.checks.map((c) => ({ ...c, fraction: { n: c.count, d: c.denominator } }));
  // The decision check that names the denominator: by heads for owners (area follows in `checks`).
  const decision = checks.find((c) => c.what === (owners ? 'decisionHeads' : 'decision')) ?? checks[checks.length - 1]!;
  const roster = owners ? (t.headsTotal ?? a.roster) : (t.roster ?? a.roster);
  const yes = owners ? (t.headsFor ?? 0) : (t.for ?? 0);
  // A hand count of an owners' vote records only participants and those for: against and abstain stay unknown.
  const split = !owners || t.against !== undefined;
  const against = split ? (t.against ?? 0) : null;
  const abstain = split ? (t.abstain ?? 0) : null;
  const voted = owners ? (t.headsParticipating ?? 0) : yes + (against ?? 0) + (abstain ?? 0);
  const present = QUORUM_RULES.includes(rule.kind) || (!owners && t.present !== undefined) ? (t.present ?? voted) : null;
  return {
    rule: rule.kind,
    matter: rule.kind === 'OWNERS_ASSEMBLY' ? rule.matter : null,
    jurisdiction: rule.kind === 'OWNERS_COMMITTEE' ? rule.jurisdiction : null,
    voters,
    bodyName: voters === 'BODY' ? (a.bodyName ?? null) : null,
    denominator: { kind: decision.base, size: decision.denominator },
    roster,
    counts: {
      for: yes,
      against,
      abstain,
      notFor: voted - yes,
      notVoted: Math.max(0, roster - voted),
      present,
      absent: present === null ? null : Math.max(0, roster - present),
    },
    area: owners ? { total: t.areaTotal ?? 0, voting: t.areaParticipating ?? 0, for: t.areaFor ?? 0 } : null,
    least: decision.least,
    fraction: decision.fraction,
    checks,
    outcome: result.code,
    passed: result.passed,
  };
}
