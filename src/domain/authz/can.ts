import { isWithin, type TAncestry, type TPlaceRef } from '../territory/places';
import { BODY_SCOPED, ROLE_PERMISSIONS, type TPermission } from './permissions';
import { GRANTED_ROLE_LEVEL, isGrantedRole, ROLE_RANK, roles, type TRole } from './roles';

/** A role held at a place (and, for body roles, in a body), for a period of ISO dates. */
export type TGrant = {
  role: TRole;
  place: TPlaceRef;
  bodyId?: number;
  startsOn: string;
  endsOn: string | null;
};

/** Who acts. null is a signed-out visitor, who may do nothing that needs a permission. */
export type TActor = { userId: number; grants: TGrant[] } | null;

/** What is acted on: the place it belongs to (with every place above it) and, if any, its body. */
export type TTarget = { ancestry: TAncestry; bodyId?: number };

const known = new Set<string>(roles);

export function isActive(g: TGrant, today: string): boolean {
  return g.startsOn <= today && (g.endsOn === null || today <= g.endsOn);
}

function grantCovers(g: TGrant, permission: TPermission, target: TTarget, today: string): boolean {
  // Unknown roles (a newer database, a typo) get nothing.
  if (!known.has(g.role) || !isActive(g, today)) return false;
  if (!(ROLE_PERMISSIONS[g.role] as readonly TPermission[]).includes(permission)) return false;
  if (BODY_SCOPED.includes(permission)) {
    // A body's motion: only a grant from that body. Any other vote (party members, households): a grant held outside any body.
    if (target.bodyId !== undefined) return g.bodyId === target.bodyId;
    if (g.bodyId !== undefined) return false;
  }
  return isWithin(target.ancestry, g.place);
}

/** The one authorization check: may this actor do this to that, today? */
export function can(actor: TActor, permission: TPermission, target: TTarget, today: string): boolean {
  return actor !== null && actor.grants.some((g) => grantCovers(g, permission, target, today));
}

/** The places where the actor holds a permission — to scope queries ("every community I may see"). */
export function scopesOf(actor: TActor, permission: TPermission, today: string): TPlaceRef[] {
  if (!actor) return [];
  return actor.grants
    .filter((g) => known.has(g.role) && isActive(g, today) && (ROLE_PERMISSIONS[g.role] as readonly TPermission[]).includes(permission))
    .map((g) => g.place);
}

export type TGrantRefusal = 'grant.notGrantable' | 'grant.wrongLevel' | 'grant.notAllowed';

/**
 * May the actor grant `role` at `place`? Only staff roles, only at their own level, only by someone
 * who manages staff there and whose role there ranks above the one granted.
 */
export function checkGrant(actor: TActor, role: TRole, place: TPlaceRef & { ancestry: TAncestry }, today: string): TGrantRefusal | null {
  if (!isGrantedRole(role)) return 'grant.notGrantable';
  if (GRANTED_ROLE_LEVEL[role] !== place.level) return 'grant.wrongLevel';
  const allowed = actor?.grants.some(
    (g) => grantCovers(g, 'staff.manage', { ancestry: place.ancestry }, today) && ROLE_RANK[g.role] > ROLE_RANK[role],
  );
  return allowed ? null : 'grant.notAllowed';
}

/** The account a password-reset code would open: the households it claims and the posts (role grants) it holds. */
export type TResetTarget = { homes: TAncestry[]; posts: { role: TRole; ancestry: TAncestry }[] };

/**
 * May the actor issue a password-reset code for this account (decision 028)? A staff account (any post
 * ranked above a resident's) is reset only under the rule for granting roles: for every post, the actor
 * manages staff there with a role that ranks above it — never through the account's household claims at
 * the resident desk. Other accounts: by those who hold password.reset where one of their households is.
 */
export function mayResetPassword(actor: TActor, target: TResetTarget, today: string): boolean {
  if (!actor) return false;
  const posts = target.posts.filter((p) => isGrantedRole(p.role) || ROLE_RANK[p.role] > 0);
  if (posts.length > 0) {
    return posts.every((p) =>
      actor.grants.some((g) => grantCovers(g, 'staff.manage', { ancestry: p.ancestry }, today) && ROLE_RANK[g.role] > ROLE_RANK[p.role]),
    );
  }
  return target.homes.some((a) => can(actor, 'password.reset', { ancestry: a }, today));
}

/**
 * Who leaves an issue out of the rates (decision 028): nobody grades their own work. Every issue counts in
 * its compound's, community's, street's and district's figures, and streets are ranked on them, so the
 * decision belongs to the district: the actor holds stats.exclude through a grant held at a district that
 * contains the issue. A grant at any lower place never suffices, whatever the matrix says.
 */
export const EXCLUSION_LEVEL = 'district' satisfies TPlaceRef['level'];

export function mayExclude(actor: TActor, target: TTarget, today: string): boolean {
  return actor !== null && actor.grants.some((g) => g.place.level === EXCLUSION_LEVEL && grantCovers(g, 'stats.exclude', target, today));
}

/**
 * Where a piece of structure sits: a place level, or a grid (under a community, above its compounds). A street 党工委
 * sits at its street, a community's party committee at the community, a grid or grid branch at 'grid', a compound
 * branch at its compound, a building group at its building.
 */
export type TStructureLevel = TPlaceRef['level'] | 'grid';
const STRUCTURE_DEPTH: Record<TStructureLevel, number> = { district: 0, street: 1, community: 2, grid: 3, compound: 4, building: 5 };

/**
 * May the actor build (create, change, merge, dissolve) structure at this level of that place (issue 18, item 8)?
 * One builds only below the level of the grant that holds the permission: a street office sets up its communities'
 * party committees, a community secretary its grids and compound branches, a compound branch its building groups, a
 * district administrator everything in the district — nobody sets up the body that oversees themselves.
 */
export function mayBuild(actor: TActor, permission: TPermission, level: TStructureLevel, target: TTarget, today: string): boolean {
  return (
    actor !== null &&
    actor.grants.some((g) => STRUCTURE_DEPTH[g.place.level] < STRUCTURE_DEPTH[level] && grantCovers(g, permission, target, today))
  );
}
