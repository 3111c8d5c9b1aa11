import 'server-only';
import { checkGrant } from '@/domain/authz/can';
import { assignmentRefusal, type TOrganizationRelation } from '@/domain/organisation/organisations';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';
import { lockOrganization, syncFirmStaffGrants } from './firm-staff-grants';

export type TAssignInput = {
  organizationId: number;
  relation: TOrganizationRelation;
  /** The compound served; else the community. */
  place: { level: 'community' | 'compound'; id: number };
  startsOn: string;
  endsOn?: string | null;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** PostgreSQL's exclusion violation: another property firm serves the compound on one of those days. */
const isOverlap = (e: unknown) => {
  const err = e as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } }; message?: string };
  return (
    err.code === '23P01' || err.meta?.driverAdapterError?.cause?.originalCode === '23P01' || /one_property_firm/.test(err.message ?? '')
  );
};

/**
 * Assigns an organisation to a compound or a community, with a relation its kind allows and dates. Whoever keeps
 * organisations at that place may (organization.manage). A property firm's staff then act in the compound for the
 * assignment's days — so the one assigning must also be someone who may grant that role there (checkGrant).
 */
export async function assignOrganizationIn(tx: TTx, by: TBy, input: TAssignInput) {
  const ancestry = await ancestryOf(input.place, tx);
  authorize(by, 'organization.manage', ancestry);
  if (!ISO_DAY.test(input.startsOn) || (input.endsOn && (!ISO_DAY.test(input.endsOn) || input.endsOn < input.startsOn)))
    refuse('organization.datesInvalid');
  if (!(await lockOrganization(tx, input.organizationId))) refuse('auth.forbidden');
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { kind: true, districtId: true } });
  if (ancestry!.district !== org.districtId) refuse('organization.otherDistrict');
  const refusal = assignmentRefusal(org.kind, input.relation, input.place.level);
  if (refusal) refuse(refusal);
  if (input.relation === 'PROPERTY_SERVICE') {
    const grantRefusal = checkGrant(by.actor, 'PROPERTY_FIRM_STAFF', { ...input.place, ancestry: ancestry! }, by.today);
    if (grantRefusal) refuse(grantRefusal);
  }
  const assignment = await tx.organizationAssignment.create({
    data: {
      organizationId: input.organizationId,
      relation: input.relation,
      communityId: ancestry!.community!,
      compoundId: input.place.level === 'compound' ? input.place.id : null,
      startsOn: dateOnly(input.startsOn),
      endsOn: input.endsOn ? dateOnly(input.endsOn) : null,
    },
  });
  if (org.kind === 'PROPERTY_FIRM') await syncFirmStaffGrants(tx, input.organizationId, by);
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'organization.assign',
    entityType: 'OrganizationAssignment',
    entityId: assignment.id,
    after: {
      organizationId: input.organizationId,
      relation: input.relation,
      place: input.place,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    },
    communityId: ancestry!.community,
    compoundId: ancestry!.compound,
  });
  return assignment;
}

export const assignOrganization = (by: TBy, input: TAssignInput) =>
  getDb()
    .$transaction((tx) => assignOrganizationIn(tx, by, input))
    .catch((e) => (isOverlap(e) ? refuse('organization.compoundHasFirm') : Promise.reject(e)));

/**
 * Ends an assignment on a day (its last day of service; not before its first). A property firm's staff lose the
 * compound with it: their grants end that day.
 */
export async function endAssignment(by: TBy, assignmentId: number, lastDay: string) {
  const db = getDb();
  const a = await db.organizationAssignment.findUnique({
    where: { id: assignmentId },
    select: {
      organizationId: true,
      communityId: true,
      compoundId: true,
      startsOn: true,
      endsOn: true,
      organization: { select: { kind: true } },
    },
  });
  if (!a) return refuse('auth.forbidden');
  const ancestry = await ancestryOf(a.compoundId ? { level: 'compound', id: a.compoundId } : { level: 'community', id: a.communityId });
  authorize(by, 'organization.manage', ancestry);
  if (!ISO_DAY.test(lastDay) || lastDay < fromDateOnly(a.startsOn)) refuse('organization.datesInvalid');
  await db.$transaction(async (tx) => {
    await lockOrganization(tx, a.organizationId);
    // Read again under the lock: two ends at once, the second sees the first.
    const now = await tx.organizationAssignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { endsOn: true } });
    if (now.endsOn && fromDateOnly(now.endsOn) <= lastDay) refuse('organization.alreadyEnded');
    await tx.organizationAssignment.update({ where: { id: assignmentId }, data: { endsOn: dateOnly(lastDay) } });
    if (a.organization.kind === 'PROPERTY_FIRM') await syncFirmStaffGrants(tx, a.organizationId, by);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'organization.endAssignment',
      entityType: 'OrganizationAssignment',
      entityId: assignmentId,
      before: { endsOn: now.endsOn ? fromDateOnly(now.endsOn) : null },
      after: { endsOn: lastDay },
      communityId: a.communityId,
      compoundId: a.compoundId,
    });
  });
}
