import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import type { TActor } from '@/domain/authz/can';
import { getDb } from '@/server/db';
import { loadActor } from './actor';
import { authOptions } from './options';

export type TSessionUser = { id: number; phone: string; name: string; verified: boolean; actor: NonNullable<TActor> };

/**
 * The signed-in user of this request, or null. A session issued before the last password change
 * (sessionVersion) or for a disabled account counts as signed out. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.uid },
    select: { id: true, phone: true, sessionVersion: true, disabledAt: true, verifiedAt: true, person: { select: { name: true } } },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { id: user.id, phone: user.phone, name: user.person.name, verified: user.verifiedAt !== null, actor: await loadActor(user.id) };
});

export { today } from '@/server/today';
