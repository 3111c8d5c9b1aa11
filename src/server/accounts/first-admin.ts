import 'server-only';
import { personByPhone } from '@/server/people/person-by-phone';
import { passwordWeakness } from '@/domain/accounts/password-strength';
import { normalisePhone } from '@/domain/shared/phone';
import { writeAudit } from '@/server/audit';
import { hashPassword } from '@/server/auth/password';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, inForceOn, today } from '@/server/today';

/** Who did it, in the audit: the person at the server's command line (no account yet). */
export const COMMAND_LINE = 'command line (npm run admin:create)';

export type TFirstAdmin = { districtCode: string; name: string; phone: string; password: string };

/**
 * The first administrator of a district, made at the server (`npm run admin:create`): the one account nobody in
 * the app can create. Refused once the district has an administrator — they appoint the next ones in the app —
 * and for a weak password. Two at once for one district: the district's row lock lets exactly one through.
 */
export async function createFirstAdmin(input: TFirstAdmin): Promise<{ userId: number; districtName: string }> {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 40) refuse('admin.firstName');
  const phone = normalisePhone(input.phone) ?? refuse('account.phoneInvalid');
  const weakness = passwordWeakness(input.password, { phone });
  if (weakness) refuse(`password.${weakness}`);
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    const [district] = await tx.$queryRaw<{ id: number; name: string }[]>`
      SELECT id, name FROM "District" WHERE code = ${input.districtCode.trim()} FOR UPDATE`;
    if (!district) return refuse('admin.districtUnknown', { code: input.districtCode.trim() });
    const held = await tx.roleGrant.count({
      where: { role: 'DISTRICT_ADMIN', placeLevel: 'DISTRICT', placeId: district.id, revokedAt: null, ...inForceOn(today()) },
    });
    if (held > 0) refuse('admin.districtHasAdmin', { district: district.name });
    if (await tx.user.findUnique({ where: { phone }, select: { id: true } })) refuse('account.phoneHasAccount');
    const person = await personByPhone(tx, name, phone);
    const user = await tx.user.create({ data: { phone, personId: person.id, passwordHash, verifiedAt: new Date() } });
    const grant = await tx.roleGrant.create({
      data: { userId: user.id, role: 'DISTRICT_ADMIN', placeLevel: 'DISTRICT', placeId: district.id, startsOn: dateOnly(today()) },
    });
    await writeAudit(tx, {
      actorId: null,
      actorLabel: COMMAND_LINE,
      action: 'admin.createFirst',
      entityType: 'User',
      entityId: user.id,
      after: { name, role: 'DISTRICT_ADMIN', place: { level: 'district', id: district.id }, grantId: grant.id },
    });
    return { userId: user.id, districtName: district.name };
  });
}

/** Whether any district has an administrator yet: a fresh install without one says how to make one. */
export async function anyAdministrator(): Promise<boolean> {
  return (await getDb().roleGrant.count({ where: { role: 'DISTRICT_ADMIN', revokedAt: null, ...inForceOn(today()) }, take: 1 })) > 0;
}
