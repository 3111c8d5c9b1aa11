import type { TStructureLevel } from '../authz/can';

/**
 * Party organisations at every level (issue 18 item 2, decision 043): a street's 党工委, a community's 党委 or 党总支,
 * a grid's 党支部, a compound's 党支部 and a building's 党小组. Each kind sits at one level and names exactly the places
 * of that level; a parent ranks above its child. The database checks the same (trigger "PartyOrg_consistent").
 */
export const PARTY_ORG_KINDS = [
  'STREET_WORKING_COMMITTEE',
  'COMMUNITY_COMMITTEE',
  'COMMUNITY_GENERAL_BRANCH',
  'GRID_BRANCH',
  'COMPOUND_BRANCH',
  'BUILDING_GROUP',
] as const;
export type TPartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

export const PARTY_ORG_LEVEL: Record<TPartyOrgKind, TStructureLevel> = {
  STREET_WORKING_COMMITTEE: 'street',
  COMMUNITY_COMMITTEE: 'community',
  COMMUNITY_GENERAL_BRANCH: 'community',
  GRID_BRANCH: 'grid',
  COMPOUND_BRANCH: 'compound',
  BUILDING_GROUP: 'building',
};

const DEPTH: Record<TStructureLevel, number> = { district: 0, street: 1, community: 2, grid: 3, compound: 4, building: 5 };
const depth = (k: TPartyOrgKind) => DEPTH[PARTY_ORG_LEVEL[k]];

/** The places below the street an organisation names (its street and district are always named). */
export type TPartyOrgPlaces = { communityId?: number; gridId?: number; compoundId?: number; buildingId?: number };

/** Which places a kind must name (true), must not name (false) or may name (undefined: a compound branch's grid). */
const NAMES: Record<TPartyOrgKind, Record<keyof TPartyOrgPlaces, boolean | undefined>> = {
  STREET_WORKING_COMMITTEE: { communityId: false, gridId: false, compoundId: false, buildingId: false },
  COMMUNITY_COMMITTEE: { communityId: true, gridId: false, compoundId: false, buildingId: false },
  COMMUNITY_GENERAL_BRANCH: { communityId: true, gridId: false, compoundId: false, buildingId: false },
  GRID_BRANCH: { communityId: true, gridId: true, compoundId: false, buildingId: false },
  COMPOUND_BRANCH: { communityId: true, gridId: undefined, compoundId: true, buildingId: false },
  BUILDING_GROUP: { communityId: true, gridId: undefined, compoundId: true, buildingId: true },
};

/** 'partyOrg.wrongPlace' unless the kind names exactly the places of its level. */
export function placeRefusal(kind: TPartyOrgKind, places: TPartyOrgPlaces): 'partyOrg.wrongPlace' | null {
  const rules = NAMES[kind];
  const ok = (Object.keys(rules) as (keyof TPartyOrgPlaces)[]).every((p) => rules[p] === undefined || rules[p] === (places[p] != null));
  return ok ? null : 'partyOrg.wrongPlace';
}

/** 'partyOrg.parentLevel' unless the parent (if any) sits at a higher level than the child. */
export function parentRefusal(kind: TPartyOrgKind, parent: TPartyOrgKind | null): 'partyOrg.parentLevel' | null {
  return parent === null || depth(parent) < depth(kind) ? null : 'partyOrg.parentLevel';
}

type TMergeSide = { id: number; kind: TPartyOrgKind; dissolved: boolean };

/** Two organisations merge only when both are active, distinct, and at the same level. */
export function mergeRefusal(
  from: TMergeSide,
  into: TMergeSide,
): 'partyOrg.mergeSelf' | 'partyOrg.mergeLevel' | 'partyOrg.dissolved' | null {
  if (from.id === into.id) return 'partyOrg.mergeSelf';
  if (from.dissolved || into.dissolved) return 'partyOrg.dissolved';
  return depth(from.kind) === depth(into.kind) ? null : 'partyOrg.mergeLevel';
}

/** The officers appointed for a term: secretary, deputy secretary, committee members (a part-time one names their unit). */
export const OFFICER_POSITIONS = ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'] as const;
export type TOfficerPosition = (typeof OFFICER_POSITIONS)[number];
