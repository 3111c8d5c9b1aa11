/**
 * Where each kind of body exists (README "organisations"): the owners' bodies and the courtyard council belong to a
 * compound; the two committees, residents' representatives, the community council and the mediation committee to a
 * community; a supervisory committee to either (业主监事会 of a compound, 居务监督委员会 of a community).
 */
export type TBodyKind =
  | 'TWO_COMMITTEES'
  | 'RESIDENTS_COMMITTEE'
  | 'OWNERS_ASSEMBLY'
  | 'OWNERS_COMMITTEE'
  | 'PROPERTY_MANAGEMENT_COMMITTEE'
  | 'SUPERVISORY_COMMITTEE'
  | 'RESIDENTS_REPRESENTATIVES'
  | 'COMMUNITY_COUNCIL'
  | 'COURTYARD_COUNCIL'
  | 'MEDIATION_COMMITTEE';

export type TBodyLevel = 'community' | 'compound';

const LEVELS: Record<TBodyKind, readonly TBodyLevel[]> = {
  TWO_COMMITTEES: ['community'],
  RESIDENTS_COMMITTEE: ['community'],
  OWNERS_ASSEMBLY: ['compound'],
  OWNERS_COMMITTEE: ['compound'],
  PROPERTY_MANAGEMENT_COMMITTEE: ['compound'],
  SUPERVISORY_COMMITTEE: ['community', 'compound'],
  RESIDENTS_REPRESENTATIVES: ['community'],
  COMMUNITY_COUNCIL: ['community'],
  COURTYARD_COUNCIL: ['compound'],
  MEDIATION_COMMITTEE: ['community'],
};

/** The refusal for a body of this kind at this level, or null when it exists there. */
export function bodyLevelRefusal(kind: TBodyKind, level: TBodyLevel): string | null {
  if (LEVELS[kind].includes(level)) return null;
  return level === 'community' ? 'body.needsCompound' : 'body.communityOnly';
}

/** The kinds a form at this level offers, in the order of the schema. */
export const bodyKindsAt = (level: TBodyLevel) => (Object.keys(LEVELS) as TBodyKind[]).filter((k) => LEVELS[k].includes(level));

/**
 * A body that oversees those who keep its place: the community's 居务监督委员会 oversees the residents' committee and its
 * staff, so they neither set it up nor seat its members — the level above does (as with mayBuild: nobody sets up the body
 * that oversees themselves). A compound's 业主监事会 oversees the owners' committee, not the community's staff.
 */
export const overseesKeepers = (kind: TBodyKind, level: TBodyLevel): boolean => kind === 'SUPERVISORY_COMMITTEE' && level === 'community';
