import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import { getDb } from '@/server/db';
import type { TBy } from './by';
import { auditFilter } from './scope';

/** The newest audit rows of the places where the actor may read the audit. */
export async function listAudit(by: TBy, opts: { take?: number } = {}) {
  const scopes = scopesOf(by.actor, 'audit.read', by.today);
  if (scopes.length === 0) return [];
  return getDb().auditLog.findMany({
    where: { OR: scopes.map(auditFilter) },
    orderBy: { id: 'desc' },
    take: Math.min(opts.take ?? 100, 500),
  });
}
