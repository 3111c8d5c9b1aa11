import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { TActor } from '@/domain/authz/can';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';

/** Keys are 192 random bits, so a plain SHA-256 is enough to keep them (no slow hash needed). */
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');
const hash = hashApiKey;

/**
 * A district admin issues a key for one outside system (e.g. the city's 12345 hotline). The key is
 * shown once; only its SHA-256 is kept (it is 192 random bits, so a plain hash is enough).
 */
export async function issueApiKey(by: TBy, districtId: number, name: string) {
  authorize(by, 'apiKey.manage', { district: districtId });
  const key = `ys_${randomBytes(24).toString('base64url')}`;
  const db = getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { districtId, name, prefix: key.slice(0, 10), secretHash: hash(key), createdById: by.userId },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'apiKey.issue',
      entityType: 'ApiKey',
      entityId: row.id,
      after: { districtId, name, prefix: row.prefix },
      districtId,
    });
    return { id: row.id, key };
  });
}

export async function revokeApiKey(by: TBy, districtId: number, keyId: number) {
  authorize(by, 'apiKey.manage', { district: districtId });
  const db = getDb();
  const row = (await db.apiKey.findFirst({ where: { id: keyId, districtId } })) ?? refuse('auth.forbidden');
  if (row.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'apiKey.revoke',
      entityType: 'ApiKey',
      entityId: row.id,
      before: { name: row.name, prefix: row.prefix },
      districtId,
    });
  });
}

export async function listApiKeys(by: TBy, districtId: number) {
  authorize(by, 'apiKey.manage', { district: districtId });
  return getDb().apiKey.findMany({
    where: { districtId },
    orderBy: { id: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Who calls with this key: the API_CLIENT role at the key's district, through the one permission matrix. */
export type TApiClient = { keyId: number; districtId: number; name: string; actor: NonNullable<TActor> };

export async function apiClientFor(key: string | null | undefined, now = new Date()): Promise<TApiClient | null> {
  if (!key || key.length > 100) return null;
  const db = getDb();
  const row = await db.apiKey.findUnique({ where: { secretHash: hash(key) } });
  if (!row || row.revokedAt) return null;
  // Recorded at most once a minute: a busy client does not write on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  // userId 0 is nobody: serial ids start at 1, so nothing an account owns can match it.
  const actor = {
    userId: 0,
    grants: [
      { role: 'API_CLIENT' as const, place: { level: 'district' as const, id: row.districtId }, startsOn: '2000-01-01', endsOn: null },
    ],
  };
  return { keyId: row.id, districtId: row.districtId, name: row.name, actor };
}
