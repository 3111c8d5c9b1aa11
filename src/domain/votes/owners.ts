/**
 * Counting owners for an owners' assembly (Civil Code art. 278; SPC interpretation on building
 * co-ownership arts. 8–9): area is each unit's exclusive area; each unit counts as one owner, but one
 * buyer of several units counts once, and all the developer's unsold or undelivered units together
 * count once (their whole area still counts). Co-owners of a unit name one voter.
 */
export type TUnit = {
  id: number;
  areaCentiM2: number;
  /** The unit's voter (a person id), or "DEVELOPER" for units the developer still holds. */
  voter: number | 'DEVELOPER';
  isParking?: boolean;
};

export type TChoice = 'FOR' | 'AGAINST' | 'ABSTAIN';

export type TOwnerCounts = {
  /** Owners (heads) and area entitled to vote: the denominators. */
  headsTotal: number;
  areaTotal: number;
  /** Owners and area that returned a ballot (for, against or abstain). */
  headsParticipating: number;
  areaParticipating: number;
  headsFor: number;
  areaFor: number;
};

export type TOwnerSettings = { parkingCountsInArea: boolean; silentFollowMajority: boolean };

type TVoterKey = number | 'DEVELOPER';

/** Area and units per voter; parking spaces count toward area only where the compound says so. */
export function votersOf(units: TUnit[], settings: Pick<TOwnerSettings, 'parkingCountsInArea'>): Map<TVoterKey, number> {
  const voters = new Map<TVoterKey, number>();
  for (const u of units) {
    const area = u.isParking && !settings.parkingCountsInArea ? 0 : u.areaCentiM2;
    voters.set(u.voter, (voters.get(u.voter) ?? 0) + area);
  }
  return voters;
}

/**
 * Counts heads and areas. A ballot is one per voter (covering all their units); ballots of people
 * who are not owners are ignored. "Silent owners follow the majority" never creates turnout: it is
 * applied by the rule after turnout is established (see evaluate.ts).
 */
export function countOwners(
  units: TUnit[],
  ballots: Map<TVoterKey, TChoice>,
  settings: Pick<TOwnerSettings, 'parkingCountsInArea'>,
): TOwnerCounts {
  const voters = votersOf(units, settings);
  const c: TOwnerCounts = { headsTotal: voters.size, areaTotal: 0, headsParticipating: 0, areaParticipating: 0, headsFor: 0, areaFor: 0 };
  for (const [voter, area] of voters) {
    c.areaTotal += area;
    const choice = ballots.get(voter);
    if (!choice) continue;
    c.headsParticipating += 1;
    c.areaParticipating += area;
    if (choice === 'FOR') {
      c.headsFor += 1;
      c.areaFor += area;
    }
  }
  return c;
}
