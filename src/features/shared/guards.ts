import 'server-only';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { scopesOf } from '@/domain/authz/can';
import type { TPermission } from '@/domain/authz/permissions';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import type { TBy } from '@/server/accounts/by';
import { getSessionUser, today, type TSessionUser } from '@/server/auth/session';
import { UseCaseError } from '@/server/errors';

/** The signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(back: string): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const locale = (await getLocale()) as TLocale;
    redirect(`${localizedPath('/signin', locale)}?next=${encodeURIComponent(localizedPath(back, locale))}`);
  }
  return user;
}

export const byOf = (u: TSessionUser): TBy => ({ userId: u.id, personId: u.personId, label: u.name, actor: u.actor, today: today() });

/**
 * For staff pages: the user must hold the permission (or one of them) somewhere. Others get the plain not-found page,
 * which reveals nothing about what exists. Each use case still checks the exact place.
 */
export async function requirePermission(
  back: string,
  permission: TPermission | readonly TPermission[],
): Promise<{ user: TSessionUser; by: TBy }> {
  const user = await requireUser(back);
  const by = byOf(user);
  const any = typeof permission === 'string' ? [permission] : permission;
  if (any.every((p) => scopesOf(user.actor, p, by.today).length === 0)) notFound();
  return { user, by };
}

/** For server actions: the signed-in user, or a refusal (actions are public HTTP endpoints). */
export async function actionUser(): Promise<TSessionUser | null> {
  return getSessionUser();
}

/** For server actions: who acts, or the refusal "please sign in" (the use case then checks the permission). */
export async function actionBy(): Promise<TBy> {
  const user = await getSessionUser();
  if (!user) throw new UseCaseError('auth.signedOut');
  return byOf(user);
}

/**
 * Loads a staff page's subject; a refusal or a missing row shows the plain not-found page, so that
 * places outside one's scope look exactly like places that do not exist.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof UseCaseError || (e as { code?: string }).code === 'P2025') notFound();
    throw e;
  }
}
