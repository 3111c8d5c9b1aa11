import type { TPlaceLevel } from '../territory/places';

/** Every role the platform knows (mirrors the Prisma enum `Role`). */
export const roles = [
  'RESIDENT',
  'OWNER',
  'HOUSEHOLD_REPRESENTATIVE',
  'PARTY_MEMBER',
  'BUILDING_HEAD',
  'GRID_WORKER',
  'BRANCH_SECRETARY',
  'COMMUNITY_SECRETARY',
  'RESIDENTS_COMMITTEE_STAFF',
  'OWNERS_COMMITTEE_MEMBER',
  'OWNERS_COMMITTEE_CHAIR',
  'SUPERVISORY_COMMITTEE_MEMBER',
  'COUNCIL_MEMBER',
  /**
   * A member of a body with no role of its own (the two committees, the residents' or the mediation committee):
   * votes in that body and nothing more. Derived only, never stored, so not in the Prisma enum.
   */
  'BODY_MEMBER',
  'PROPERTY_FIRM_STAFF',
  'STREET_STAFF',
  'DISTRICT_ADMIN',
  /** A system using a district's API key (Open311, e.g. the 12345 hotline); never a person. */
  'API_CLIENT',
  /** A registered account without an approved household claim, at the community it named (decision 030); derived. */
  'UNVERIFIED_RESIDENT',
  /**
   * 党员中心户: a party member chosen for a micro-grid, for a term, at the buildings of that grid (decision 044): reads
   * and handles their issues when the category names them first responder. Derived from CentralHousehold, never granted.
   */
  'CENTRAL_HOUSEHOLD',
  /**
   * A keeper of the contact chain (支部班子成员→楼栋长→党员户→居民户, decision 051), at the buildings of the households they keep
   * in touch with: records issues for them. Derived from ContactLink, never granted, not in the Prisma enum.
   */
  'CONTACT_KEEPER',
  /** The chair or a vice chair of a community's people's mediation committee (人民调解委员会主任): derived, never granted (decision 062). */
  'MEDIATION_CHAIR',
  /** Named as a mediator on one case; derived per case by src/server/mediation/case-access.ts, never held at a place. */
  'CASE_MEDIATOR',
  /** A party to one case; derived per case, never held at a place. */
  'CASE_PARTY',
] as const;
export type TRole = (typeof roles)[number];

/**
 * Staff roles are granted at one level of the tree. The others follow from facts (a verified
 * household, a body position, a party registration) and are never granted by hand.
 */
export const GRANTED_ROLE_LEVEL = {
  BUILDING_HEAD: 'building',
  PROPERTY_FIRM_STAFF: 'compound',
  BRANCH_SECRETARY: 'compound',
  GRID_WORKER: 'community',
  RESIDENTS_COMMITTEE_STAFF: 'community',
  COMMUNITY_SECRETARY: 'community',
  STREET_STAFF: 'street',
  DISTRICT_ADMIN: 'district',
} as const satisfies Partial<Record<TRole, TPlaceLevel>>;
export type TGrantedRole = keyof typeof GRANTED_ROLE_LEVEL;

export function isGrantedRole(role: TRole): role is TGrantedRole {
  return role in GRANTED_ROLE_LEVEL;
}

/** Seniority, used only to decide who may grant what: one grants only roles ranked below one's own. */
export const ROLE_RANK = {
  RESIDENT: 0,
  OWNER: 0,
  HOUSEHOLD_REPRESENTATIVE: 0,
  PARTY_MEMBER: 0,
  OWNERS_COMMITTEE_MEMBER: 0,
  OWNERS_COMMITTEE_CHAIR: 0,
  SUPERVISORY_COMMITTEE_MEMBER: 0,
  COUNCIL_MEMBER: 0,
  BODY_MEMBER: 0,
  BUILDING_HEAD: 1,
  PROPERTY_FIRM_STAFF: 1,
  GRID_WORKER: 1,
  BRANCH_SECRETARY: 2,
  RESIDENTS_COMMITTEE_STAFF: 3,
  COMMUNITY_SECRETARY: 4,
  STREET_STAFF: 5,
  DISTRICT_ADMIN: 6,
  API_CLIENT: 0,
  UNVERIFIED_RESIDENT: 0,
  CENTRAL_HOUSEHOLD: 0,
  CONTACT_KEEPER: 0,
  MEDIATION_CHAIR: 0,
  CASE_MEDIATOR: 0,
  CASE_PARTY: 0,
} as const satisfies Record<TRole, number>;
