import 'server-only';
import { normalisePhone } from '@/domain/shared/phone';
import { writeAudit } from '@/server/audit';
import { hashCode, newCode } from '@/server/auth/codes';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf, householdAncestry, PLACE_LEVEL_DOMAIN } from '@/server/places/ancestry';
import { can } from '@/domain/authz/can';
import type { TBy } from './by';
import { getCodeSender } from './code-sender';

const RESET_DAYS = 7;

/** Change one's own password; every other session of the account ends. */
export async function changePassword(userId: number, current: string, next: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, person: { select: { name: true } } } });
  if (!(await verifyPassword(current, user.passwordHash))) refuse('account.wrongPassword');
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: userId, actorLabel: user.person.name, action: 'account.changePassword', entityType: 'User', entityId: userId });
  });
}

/**
 * Staff issue a one-time reset code for a resident of a household they may verify, or for staff
 * whose places they manage. The code is handed over on paper (or through the code sender).
 */
export async function issuePasswordReset(by: TBy, userId: number): Promise<{ code: string; expiresAt: Date; phone: string; name: string }> {
  const db = getDb();
  const target = await db.user.findUnique({
    where: { id: userId },
    select: {
      phone: true,
      person: { select: { name: true } },
      claims: { where: { status: { in: ['APPROVED', 'PENDING'] } }, select: { householdId: true } },
      grants: { where: { revokedAt: null }, select: { placeLevel: true, placeId: true } },
    },
  });
  if (!target) return refuse('auth.forbidden');
  // Residents: by staff who may reset passwords where they live. Staff: by those who manage staff where they work.
  const homes = await Promise.all(target.claims.map((c) => householdAncestry(c.householdId)));
  const posts = await Promise.all(target.grants.map((g) => ancestryOf({ level: PLACE_LEVEL_DOMAIN[g.placeLevel], id: g.placeId })));
  const allowed =
    homes.some((a) => a && can(by.actor, 'password.reset', { ancestry: a }, by.today)) ||
    posts.some((a) => a && can(by.actor, 'staff.manage', { ancestry: a }, by.today));
  if (!allowed) refuse('auth.forbidden');
  const code = newCode();
  const expiresAt = new Date(Date.now() + RESET_DAYS * 24 * 3600 * 1000);
  await db.$transaction(async (tx) => {
    await tx.passwordResetCode.create({ data: { userId, codeHash: hashCode(code), issuedById: by.userId, expiresAt } });
    await writeAudit(tx, { actorId: by.userId, actorLabel: by.label, action: 'account.issueReset', entityType: 'User', entityId: userId });
  });
  await getCodeSender().send({ phone: target.phone, purpose: 'password-reset', code });
  return { code, expiresAt, phone: target.phone, name: target.person.name };
}

/** Anyone with a valid code for the number sets a new password. Wrong number, code, or an old code: one answer. */
export async function resetPasswordWithCode(input: { phone: string; code: string; password: string }): Promise<void> {
  const phone = normalisePhone(input.phone);
  const db = getDb();
  const record = phone
    ? await db.passwordResetCode.findUnique({ where: { codeHash: hashCode(input.code) }, select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, phone: true } } } })
    : null;
  if (!record || record.usedAt || record.expiresAt < new Date() || record.user.phone !== phone) refuse('account.resetInvalid');
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // Marking the code used inside the transaction, conditionally, makes it single-use under races.
    const used = await tx.passwordResetCode.updateMany({ where: { id: record!.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) refuse('account.resetInvalid');
    await tx.user.update({ where: { id: record!.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: record!.user.id, actorLabel: 'reset-code', action: 'account.resetPassword', entityType: 'User', entityId: record!.user.id });
  });
}
