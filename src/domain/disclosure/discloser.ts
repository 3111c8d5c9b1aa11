import type { TActor } from '../authz/can';
import type { TRole } from '../authz/roles';

export type TDiscloser = 'COMMUNITY' | 'OWNERS_COMMITTEE' | 'PROPERTY_FIRM';

/** Roles that hold disclosure.publish for a body of a compound, not for the community. */
const COMPOUND_BODIES: Partial<Record<TRole, TDiscloser>> = {
  OWNERS_COMMITTEE_CHAIR: 'OWNERS_COMMITTEE',
  PROPERTY_FIRM_STAFF: 'PROPERTY_FIRM',
};

/**
 * Who discloses an item (decision 070): the community's items by community staff only; an owners' committee's by its
 * chair or community staff; a property firm's by the serving firm's staff or community staff. A grant counts for an item
 * if its role is community staff (any role holding disclosure.publish that is not a compound body's) or that body's.
 */
export function grantDiscloses(role: TRole, discloser: TDiscloser): boolean {
  const body = COMPOUND_BODIES[role];
  return body === undefined || body === discloser;
}

/** The actor with only the grants that may disclose this item: pass it to can() with disclosure.publish. */
export function asDiscloser<T extends NonNullable<TActor>>(actor: T, discloser: TDiscloser): T {
  return { ...actor, grants: actor.grants.filter((g) => grantDiscloses(g.role, discloser)) };
}
