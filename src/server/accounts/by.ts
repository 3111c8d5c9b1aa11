import 'server-only';
import { can, type TActor } from '@/domain/authz/can';
import type { TAncestry } from '@/domain/territory/places';
import type { TPermission } from '@/domain/authz/permissions';
import { refuse } from '@/server/errors';

/** Who performs a use case: the signed-in user, as loaded for this request, and today's date. */
export type TBy = {
  userId: number;
  label: string;
  actor: NonNullable<TActor>;
  today: string;
  /** The account's person, when known (saves a read). */ personId?: number;
};

/** Refuses (changing nothing) unless the actor holds the permission on the target. */
export function authorize(by: TBy, permission: TPermission, ancestry: TAncestry | null): void {
  // A target that does not exist is refused like one the actor may not touch: no probing.
  if (!ancestry || !can(by.actor, permission, { ancestry }, by.today)) refuse('auth.forbidden');
}
