import 'server-only';
import { authorize } from '@/server/accounts/by';
import { checkGrant } from '@/domain/authz/can';
import { normalisePhone } from '@/domain/shared/phone';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { openAccountWithCode } from '@/server/accounts/staff';
import { newCode } from '@/server/auth/codes';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly } from '@/server/today';
import { lockOrganization, syncFirmStaffGrants } from './firm-staff-grants';

/**
 * The compounds a firm serves today or will serve: whoever adds or removes its staff must be someone who may grant
 * PROPERTY_FIRM_STAFF at every one of them (checkGrant: staff.manage there, with a higher role).
 */
async function requireFirmStaffManager(tx: TTx, by: TBy, organizationId: number) {
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { kind: true } });
  if (!org) return refuse('auth.forbidden');
  if (org.kind === 'MEDIATION_STUDIO') return requireStudioStaffManager(tx, by, organizationId);
  if (org.kind !== 'PROPERTY_FIRM') refuse('organization.notPropertyFirm');
  const open = await tx.organizationAssignment.findMany({
    where: { organizationId, relation: 'PROPERTY_SERVICE', OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(by.today) } }] },
    select: { compoundId: true, communityId: true },
  });
  if (open.length === 0) refuse('organization.servesNoCompound');
  for (const a of open) {
    const place = { level: 'compound' as const, id: a.compoundId! };
    const ancestry = await ancestryOf(place, tx);
    const refusal = ancestry ? checkGrant(by.actor, 'PROPERTY_FIRM_STAFF', { ...place, ancestry }, by.today) : 'grant.notAllowed';
    if (refusal) refuse(refusal);
  }
  return open[0]!;
}

/**
 * A mediation studio's staff (decision 062) hold no grant: they mediate the cases they are named on. Whoever adds them
 * manages staff (staff.manage) at every community the studio serves today or will serve.
 */
async function requireStudioStaffManager(tx: TTx, by: TBy, organizationId: number) {
  const open = await tx.organizationAssignment.findMany({
    where: { organizationId, OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(by.today) } }] },
    select: { compoundId: true, communityId: true },
  });
  if (open.length === 0) refuse('organization.servesNoCompound');
  for (const a of open) authorize(by, 'staff.manage', await ancestryOf({ level: 'community', id: a.communityId }, tx));
  return open[0]!;
}

export type TFirmStaffInput = { organizationId: number; name: string; phone: string; title: string };

/**
 * Gives a property firm's staff member an account (decision 045): they handle issues in the compounds the firm
 * serves, and only while it serves them. Like any staff account, the first password is set with a one-time code
 * shown once to whoever created it.
 */
export async function createFirmStaffAccountIn(tx: TTx, by: TBy, input: TFirmStaffInput) {
  const phone = normalisePhone(input.phone) ?? refuse('account.phoneInvalid');
  const name = input.name.trim() || refuse('organization.nameMissing');
  const title = input.title.trim() || refuse('organization.titleMissing');
  if (!(await lockOrganization(tx, input.organizationId))) refuse('auth.forbidden');
  const first = await requireFirmStaffManager(tx, by, input.organizationId);
  if (await tx.user.findUnique({ where: { phone }, select: { id: true } })) refuse('account.phoneHasAccount');
  const code = newCode();
  const user = await openAccountWithCode(tx, by, { name, phone, code });
  const person = { id: user.personId };
  await tx.organizationMember.upsert({
    where: { organizationId_personId: { organizationId: input.organizationId, personId: person.id } },
    create: { organizationId: input.organizationId, personId: person.id, title, staff: true },
    update: { title, staff: true, leftOn: null },
  });
  await syncFirmStaffGrants(tx, input.organizationId, by);
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'organization.staffCreate',
    entityType: 'User',
    entityId: user.id,
    after: { name, title, organizationId: input.organizationId },
    communityId: first.communityId,
  });
  return { userId: user.id, code };
}

export const createFirmStaffAccount = (by: TBy, input: TFirmStaffInput) =>
  getDb()
    .$transaction((tx) => createFirmStaffAccountIn(tx, by, input))
    .catch((e) => ((e as { code?: string }).code === 'P2002' ? refuse('account.phoneHasAccount') : Promise.reject(e)));

/** A staff member leaves the firm today: their grants at its compounds end today. */
export async function endFirmStaff(by: TBy, memberId: number) {
  const db = getDb();
  const m = await db.organizationMember.findUnique({
    where: { id: memberId },
    select: { organizationId: true, staff: true, leftOn: true },
  });
  if (!m || !m.staff) return refuse('auth.forbidden');
  await db.$transaction(async (tx) => {
    await lockOrganization(tx, m.organizationId);
    // Read again under the firm's lock: ending someone who has left already would overwrite their real last day.
    const now = await tx.organizationMember.findUniqueOrThrow({ where: { id: memberId }, select: { leftOn: true } });
    if (now.leftOn) refuse('organization.staffLeft');
    const first = await requireFirmStaffManager(tx, by, m.organizationId).catch(() => null);
    // A firm that serves nowhere any more has no grants left to end; removing its staff is a register matter.
    if (!first) refuse('auth.forbidden');
    await tx.organizationMember.update({ where: { id: memberId }, data: { leftOn: dateOnly(by.today) } });
    await syncFirmStaffGrants(tx, m.organizationId, by);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'organization.staffEnd',
      entityType: 'OrganizationMember',
      entityId: memberId,
      after: { leftOn: by.today },
      communityId: first!.communityId,
    });
  });
}
