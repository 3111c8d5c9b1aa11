/**
 * Tallying ballots, pure: the counts a rule reads, the turnout while a motion is open, and the exact
 * text whose hash is stored with a closed motion (so that anyone recomputing from the stored roster
 * and ballots can show the result never changed).
 */
import { leastForFraction, reachesFraction, TWO_THIRDS } from './arithmetic';
import type { TChoice, TOwnerCounts } from './owners';

export type TVoter = { key: number; area: number };
export type TBallot = { key: number; choice: TChoice | null };

/** Owners' counts from the frozen roster (area per voter) and the ballots returned. */
export function ownerCounts(voters: TVoter[], ballots: TBallot[]): TOwnerCounts {
  const area = new Map(voters.map((v) => [v.key, v.area]));
  const c: TOwnerCounts = {
    headsTotal: voters.length,
    areaTotal: voters.reduce((a, v) => a + v.area, 0),
    headsParticipating: 0,
    areaParticipating: 0,
    headsFor: 0,
    areaFor: 0,
  };
  for (const b of ballots) {
    const a = area.get(b.key);
    if (a === undefined) continue; // not on the roster: never counted
    c.headsParticipating += 1;
    c.areaParticipating += a;
    if (b.choice === 'FOR') {
      c.headsFor += 1;
      c.areaFor += a;
    }
  }
  return c;
}

/** For, against and abstain of a body's ballots (secret ones come as bare choices). */
export function choiceCounts(choices: (TChoice | null)[]): { for: number; against: number; abstain: number } {
  return {
    for: choices.filter((c) => c === 'FOR').length,
    against: choices.filter((c) => c === 'AGAINST').length,
    abstain: choices.filter((c) => c === 'ABSTAIN').length,
  };
}

/**
 * Turnout while open, as fractions with the least count that reaches two thirds (owners: by heads and by
 * area) — never a rounded percentage, which shows exactly two thirds as "66.66%" beside "needs 66.67%".
 */
export function turnout(voters: TVoter[], ballots: TBallot[], owners: boolean) {
  return turnoutOf(ownerCounts(voters, ballots), owners);
}

/** The same from counts already summed (the motion page reads one aggregate row, not every ballot). */
export function turnoutOf(c: Pick<TOwnerCounts, 'headsTotal' | 'areaTotal' | 'headsParticipating' | 'areaParticipating'>, owners: boolean) {
  const part = (n: number, d: number) => ({ n, d, least: leastForFraction(d, TWO_THIRDS) });
  return {
    heads: part(c.headsParticipating, c.headsTotal),
    area: owners ? part(c.areaParticipating, c.areaTotal) : null,
    reached:
      reachesFraction(c.headsParticipating, c.headsTotal, TWO_THIRDS) &&
      (!owners || reachesFraction(c.areaParticipating, c.areaTotal, TWO_THIRDS)),
  };
}

/** The text hashed with a closed motion: its rule, the frozen roster and every ballot, in a fixed order. */
export function tallyText(rule: unknown, voters: TVoter[], ballots: TBallot[], secretChoices: TChoice[]): string {
  const byKey = <T extends { key: number }>(xs: T[]) => [...xs].sort((a, b) => a.key - b.key);
  return JSON.stringify([
    rule,
    byKey(voters).map((v) => [v.key, v.area]),
    byKey(ballots).map((b) => [b.key, b.choice]),
    [...secretChoices].sort(),
  ]);
}
