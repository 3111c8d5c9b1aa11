import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { cache } from 'react';
import type { TActor } from '@/domain/authz/can';
import { getDb } from '@/server/db';
import { loadActor } from './actor';

export type TSessionUser = { id: number; personId: number; phone: string; name: string; verified: boolean; actor: NonNullable<TActor> };

/** The session cookie's names: next-auth's, with the __Secure- prefix when the site is served over HTTPS. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

type TAccountRow = {
  id: number;
  personId: number;
  phone: string;
  name: string;
  sessionVersion: number;
  authVersion: number;
  disabled: boolean;
  verified: boolean;
};

/**
 * Actors by account, per app instance, valid while the account's authVersion is the one they were built for:
 * database triggers bump it whenever a grant, claim, ownership, residency, body or party membership or the
 * account's verification changes (decision 035), so one primary-key lookup per request says whether the cached
 * actor still holds. Bounded: the least recently used accounts go first.
 */
const ACTORS_KEPT = 20_000;
const holder = globalThis as unknown as { yishiActors?: Map<number, { version: number; actor: NonNullable<TActor> }> };
const actors = (holder.yishiActors ??= new Map());

async function actorOf(userId: number, version: number): Promise<NonNullable<TActor>> {
  const kept = actors.get(userId);
  actors.delete(userId);
  if (kept && kept.version === version) {
    actors.set(userId, kept);
    return kept.actor;
  }
  const actor = await loadActor(userId);
  actors.set(userId, { version, actor });
  if (actors.size > ACTORS_KEPT) actors.delete(actors.keys().next().value!);
  return actor;
}

/**
 * The account behind a session token's claims, in one statement; null when the session was ended (sign-out or
 * password change bump sessionVersion) or the account is disabled.
 */
export async function accountContext(uid: number, sv: number): Promise<TSessionUser | null> {
  const [row] = await getDb().$queryRaw<TAccountRow[]>`
    SELECT u.id, u."personId", u.phone, p.name, u."sessionVersion", u."authVersion", u."disabledAt" IS NOT NULL AS disabled, u."verifiedAt" IS NOT NULL AS verified
      FROM "User" u JOIN "Person" p ON p.id = u."personId" WHERE u.id = ${uid}`;
  if (!row || row.disabled || row.sessionVersion !== sv) return null;
  return {
    id: row.id,
    personId: row.personId,
    phone: row.phone,
    name: row.name,
    verified: row.verified,
    actor: await actorOf(row.id, row.authVersion),
  };
}

/**
 * The signed-in user of this request, or null. The session cookie is decoded here (next-auth's encrypted JWT,
 * checked for expiry) without running next-auth's handler; a session issued before the last sign-out or password
 * change, or for a disabled account, counts as signed out. Cached per request: the action and the page it
 * re-renders share it.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET! }).catch(() => null);
  const uid = Number(token?.uid);
  if (!Number.isInteger(uid) || uid <= 0) return null;
  return accountContext(uid, Number(token?.sv));
});

export { today } from '@/server/today';
