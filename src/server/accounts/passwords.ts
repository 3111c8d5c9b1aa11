import 'server-only';
import { passwordWeakness } from '@/domain/accounts/password-strength';
import { normalisePhone } from '@/domain/shared/phone';
import { writeAudit } from '@/server/audit';
import { hashCode, newCode } from '@/server/auth/codes';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { getDb } from '@/server/db';
import { inForceOn, today } from '@/server/today';
import { refuse } from '@/server/errors';
import { ancestryOf, householdAncestry, PLACE_LEVEL_DOMAIN } from '@/server/places/ancestry';
import { mayResetPassword } from '@/domain/authz/can';
import { notify } from '@/server/issues/notify';
import type { TBy } from './by';
import { getCodeSender } from './code-sender';
import { codeWasRight, countCodeAttempt, resetSubject } from './code-attempts';

const RESET_DAYS = 7;
/** The e-mail copy's text (e-mails are written in Chinese, like the rest of the outbox). */
const RESET_NOTICE = '工作人员为您的账号签发了密码重置码。如果不是您本人申请的，请立即联系社区居委会或街道。';

/** An administrator's password guards a district: it must pass the administrators' rule (the others: the form's). */
async function refuseWeakForAdministrator(userId: number, phone: string, password: string) {
  const admin = await getDb().roleGrant.count({ where: { userId, role: 'DISTRICT_ADMIN', revokedAt: null, ...inForceOn(today()) } });
  const weakness = admin ? passwordWeakness(password, { phone }) : null;
  if (weakness) refuse(`password.${weakness}`);
}

/** Change one's own password; every other session of the account ends. */
export async function changePassword(userId: number, current: string, next: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, phone: true, person: { select: { name: true } } },
  });
  if (!(await verifyPassword(current, user.passwordHash))) refuse('account.wrongPassword');
  await refuseWeakForAdministrator(userId, user.phone, next);
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: userId,
      actorLabel: user.person.name,
      action: 'account.changePassword',
      entityType: 'User',
      entityId: userId,
    });
  });
}

/**
 * Staff issue a one-time reset code for a resident of a household they may verify, or for staff
 * whose places they manage. The code is handed over on paper (or through the code sender).
 */
/**
 * Staff issue a reset because the resident lost or changed their phone: the number on file may now be someone else's,
 * so the code goes there by SMS only when staff confirmed the number is still the resident's (opts.sms); the printed
 * code is always handed over.
 */
export async function issuePasswordReset(
  by: TBy,
  userId: number,
  opts: { sms: boolean } = { sms: false },
): Promise<{ code: string; expiresAt: Date; phone: string; name: string }> {
  const db = getDb();
  const target = await db.user.findUnique({
    where: { id: userId },
    select: {
      phone: true,
      person: { select: { name: true } },
      claims: { where: { status: { in: ['APPROVED', 'PENDING'] } }, select: { householdId: true } },
      // Ended grants count too: an account that held a post stays a staff account for resets.
      grants: { where: { revokedAt: null }, select: { role: true, placeLevel: true, placeId: true } },
    },
  });
  if (!target) return refuse('auth.forbidden');
  const homes = await Promise.all(target.claims.map((c) => householdAncestry(c.householdId)));
  const posts = await Promise.all(
    target.grants.map(async (g) => ({
      role: g.role,
      ancestry: await ancestryOf({ level: PLACE_LEVEL_DOMAIN[g.placeLevel], id: g.placeId }),
    })),
  );
  // A post whose place is gone cannot be checked: such an account is refused, never treated as a resident's.
  if (posts.some((p) => !p.ancestry)) refuse('auth.forbidden');
  const allowed = mayResetPassword(
    by.actor,
    { homes: homes.filter((a) => a !== null), posts: posts.map((p) => ({ role: p.role, ancestry: p.ancestry! })) },
    by.today,
  );
  if (!allowed) refuse('auth.forbidden');
  const code = newCode();
  const expiresAt = new Date(Date.now() + RESET_DAYS * 24 * 3600 * 1000);
  await db.$transaction(async (tx) => {
    // Earlier codes for the account stop working: only the code just handed over opens it.
    await tx.passwordResetCode.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: new Date() } },
      data: { expiresAt: new Date() },
    });
    await tx.passwordResetCode.create({ data: { userId, codeHash: hashCode(code), issuedById: by.userId, expiresAt } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'account.issueReset',
      entityType: 'User',
      entityId: userId,
      after: { expiresAt: expiresAt.toISOString() },
    });
    // The owner hears of it (inbox, and e-mail if they gave an address): a reset they did not ask for is a takeover.
    await notify(tx, [userId], { kind: 'account.reset', link: '/account', title: by.label, body: RESET_NOTICE });
  });
  if (opts.sms) await getCodeSender().send({ phone: target.phone, purpose: 'password-reset', code });
  return { code, expiresAt, phone: target.phone, name: target.person.name };
}

/** Anyone with a valid code for the number sets a new password. Wrong number, code, or an old code: one answer. */
export async function resetPasswordWithCode(input: { phone: string; code: string; password: string }, address: string): Promise<void> {
  const phone = normalisePhone(input.phone);
  await countCodeAttempt(resetSubject(phone), address);
  const db = getDb();
  const record = phone
    ? await db.passwordResetCode.findUnique({
        where: { codeHash: hashCode(input.code) },
        select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, phone: true } } },
      })
    : null;
  if (!record || record.usedAt || record.expiresAt < new Date() || record.user.phone !== phone) refuse('account.resetInvalid');
  await refuseWeakForAdministrator(record!.user.id, record!.user.phone, input.password);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // Marking the code used inside the transaction, conditionally, makes it single-use under races.
    const used = await tx.passwordResetCode.updateMany({ where: { id: record!.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) refuse('account.resetInvalid');
    await tx.user.update({ where: { id: record!.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: record!.user.id,
      actorLabel: 'reset-code',
      action: 'account.resetPassword',
      entityType: 'User',
      entityId: record!.user.id,
    });
  });
  await codeWasRight(resetSubject(phone), address);
}
