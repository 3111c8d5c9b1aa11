import 'server-only';
import { normalisePhone } from '@/domain/shared/phone';
import { writeAudit } from '@/server/audit';
import { hashPassword } from '@/server/auth/password';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';

/**
 * A resident registers with name, mobile number and password. The account is unverified: it may read
 * public pages and raise issues, but holds no role until staff approve a household claim.
 * If the number already has an account nothing is created, and the answer is the same — the
 * registration form must not reveal which numbers have accounts.
 */
export async function registerResident(input: { name: string; phone: string; password: string }): Promise<void> {
  const phone = normalisePhone(input.phone) ?? refuse('account.phoneInvalid');
  const passwordHash = await hashPassword(input.password);
  await getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { phone }, select: { id: true } })) {
      await writeAudit(tx, { actorId: null, actorLabel: 'self-registration', action: 'account.registerDuplicate', entityType: 'User', entityId: phone.slice(0, 3) + '****' + phone.slice(7) });
      return;
    }
    // A person of its own: linking to a roster person with this number waits for staff verification.
    const person = await tx.person.create({ data: { name: input.name.trim() } });
    const user = await tx.user.create({ data: { phone, passwordHash, personId: person.id } });
    await writeAudit(tx, { actorId: user.id, actorLabel: input.name.trim(), action: 'account.register', entityType: 'User', entityId: user.id });
  });
}
