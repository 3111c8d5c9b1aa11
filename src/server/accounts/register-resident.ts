import 'server-only';
import { randomInt } from 'node:crypto';
import { normalisePhone } from '@/domain/shared/phone';
import { writeAudit } from '@/server/audit';
import { hashCode } from '@/server/auth/codes';
import { hashPassword } from '@/server/auth/password';
import { beginCodeAttempt, beginRegistration, codeAccepted } from '@/server/auth/rate-limit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { getCodeSender } from './code-sender';

/** Decision 030: a registration code lives 10 minutes and allows 5 wrong tries. */
export const REGISTRATION_MINUTES = 10;
const MAX_WRONG = 5;

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
const waitRefusal = (seconds: number) => refuse('account.registerWait', { minutes: Math.max(1, Math.ceil(seconds / 60)) });

/**
 * Step 1: a resident gives name, number, password and the compound they live in; a 6-digit code goes to the
 * number through the code sender and nothing else is created yet. The answer is the same whether or not the
 * number has an account (only whoever holds the phone learns that, at step 2).
 */
export async function requestRegistrationCode(
  input: { name: string; phone: string; password: string; compoundId: number },
  client: string,
): Promise<{ phone: string; minutes: number }> {
  const phone = normalisePhone(input.phone) ?? refuse('account.phoneInvalid');
  const db = getDb();
  const compound =
    (await db.compound.findUnique({ where: { id: input.compoundId }, select: { communityId: true } })) ?? refuse('account.registerPlace');
  const wait = await beginRegistration(phone, client);
  if (wait) waitRefusal(wait);
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.registrationCode.create({
      data: {
        phone,
        name: input.name.trim(),
        passwordHash,
        communityId: compound.communityId,
        codeHash: hashCode(code),
        expiresAt: new Date(Date.now() + REGISTRATION_MINUTES * 60_000),
      },
    });
    await writeAudit(tx, {
      actorId: null,
      actorLabel: 'self-registration',
      action: 'account.registerCode',
      entityType: 'User',
      entityId: masked(phone),
      communityId: compound.communityId,
    });
  });
  await getCodeSender().send({ phone, purpose: 'registration', code });
  return { phone: masked(phone), minutes: REGISTRATION_MINUTES };
}

/**
 * Step 2: the code sent to the number. Only the newest unexpired code of the number counts; each wrong try is
 * counted on it (atomically, so parallel guesses cannot get past 5) and on the number and address limits.
 * The right code creates the account — unverified, in the community named — or, if the number has one
 * already, says so: the code has proved the phone, so the answer may tell its holder to sign in.
 */
export async function confirmRegistration(
  input: { phone: string; code: string },
  client: string,
): Promise<{ outcome: 'created' | 'exists' }> {
  const phone = normalisePhone(input.phone) ?? refuse('account.registerCodeInvalid');
  const wait = await beginCodeAttempt(`register|${phone}`, client);
  if (wait) waitRefusal(wait);
  const db = getDb();
  const pending = await db.registrationCode.findFirst({ where: { phone }, orderBy: { id: 'desc' } });
  if (!pending || pending.usedAt || pending.expiresAt < new Date() || pending.wrongTries >= MAX_WRONG)
    return refuse('account.registerCodeInvalid');
  if (hashCode(input.code) !== pending.codeHash) {
    const counted = await db.registrationCode.updateMany({
      where: { id: pending.id, usedAt: null, wrongTries: { lt: MAX_WRONG } },
      data: { wrongTries: { increment: 1 } },
    });
    if (counted.count !== 1) return refuse('account.registerCodeInvalid');
    return refuse('account.registerCodeWrong', { left: Math.max(0, MAX_WRONG - pending.wrongTries - 1) });
  }
  const outcome = await db.$transaction(async (tx) => {
    // Used once, even when the right code arrives twice at the same moment.
    const used = await tx.registrationCode.updateMany({
      where: { id: pending.id, usedAt: null, wrongTries: { lt: MAX_WRONG } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return refuse('account.registerCodeInvalid');
    if (await tx.user.findUnique({ where: { phone }, select: { id: true } })) {
      await writeAudit(tx, {
        actorId: null,
        actorLabel: 'self-registration',
        action: 'account.registerDuplicate',
        entityType: 'User',
        entityId: masked(phone),
      });
      return 'exists' as const;
    }
    const person = await tx.person.create({ data: { name: pending.name } });
    const user = await tx.user.create({
      data: { phone, passwordHash: pending.passwordHash, personId: person.id, registeredCommunityId: pending.communityId },
    });
    await writeAudit(tx, {
      actorId: user.id,
      actorLabel: pending.name,
      action: 'account.register',
      entityType: 'User',
      entityId: user.id,
      communityId: pending.communityId,
    });
    return 'created' as const;
  });
  await codeAccepted(`register|${phone}`, client);
  return { outcome };
}

/** The compounds a resident can name at registration, "community · compound", for the form's list. */
export async function registrationPlaces(): Promise<{ value: string; label: string }[]> {
  const rows = await getDb().compound.findMany({
    orderBy: [{ community: { name: 'asc' } }, { name: 'asc' }],
    take: 1000,
    select: { id: true, name: true, community: { select: { name: true } } },
  });
  return rows.map((c) => ({ value: String(c.id), label: `${c.community.name} · ${c.name}` }));
}
