import 'server-only';
import { personByPhoneOrNew } from '@/server/people/person-by-phone';
import type { TOfficerPosition } from '@/domain/party/levels';
import { normalisePhone } from '@/domain/shared/phone';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, fromDateOnly } from '@/server/today';
import { lockOrg } from './orgs';
import { partyOrgAncestry, requireBuild } from './places';

export type TAppointOfficer = {
  partyOrgId: number;
  name: string;
  phone?: string;
  position: TOfficerPosition;
  startsOn: string;
  /** A part-time committee member (兼职委员): the unit stationed in the community they come from. */
  organizationId?: number;
};

/** Is the unit serving one of the organisation's communities (or, for a street's 党工委, a community of the street) today? */
async function unitServesHere(tx: TTx, org: { streetId: number; communityId: number | null }, organizationId: number, today: string) {
  const day = dateOnly(today);
  const n = await tx.organizationAssignment.count({
    where: {
      organizationId,
      ...(org.communityId ? { communityId: org.communityId } : { community: { streetId: org.streetId } }),
      startsOn: { lte: day },
      OR: [{ endsOn: null }, { endsOn: { gte: day } }],
    },
  });
  return n > 0;
}

/**
 * Appoints a secretary, deputy secretary or committee member from a day, by those who build the organisation. The
 * person is found by mobile number (created if new). One secretary at a time: the database's partial unique index
 * "PartyOrgMember_one_secretary" decides between two appointments at once.
 */
export async function appointOfficerIn(tx: TTx, by: TBy, input: TAppointOfficer) {
  const org = await lockOrg(tx, input.partyOrgId);
  requireBuild(by, org.kind, partyOrgAncestry(org));
  if (org.dissolvedOn) refuse('partyOrg.dissolved');
  const name = input.name.trim() || refuse('partyOrg.nameRequired');
  const phone = input.phone ? (normalisePhone(input.phone) ?? refuse('account.phoneInvalid')) : null;
  if (input.organizationId !== undefined && !(await unitServesHere(tx, org, input.organizationId, by.today)))
    refuse('partyOrg.unitNotHere');
  const person = await personByPhoneOrNew(tx, name, phone);
  const post = await tx.partyOrgMember
    .create({
      data: {
        partyOrgId: org.id,
        personId: person.id,
        position: input.position,
        organizationId: input.organizationId,
        startsOn: dateOnly(input.startsOn),
      },
    })
    .catch((e: unknown) => {
      if ((e as { code?: string }).code !== 'P2002') throw e;
      return refuse(input.position === 'SECRETARY' ? 'partyOrg.secretaryTaken' : 'partyOrg.alreadyOfficer');
    });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'partyOrg.appoint',
    entityType: 'PartyOrgMember',
    entityId: post.id,
    after: {
      partyOrgId: org.id,
      personId: person.id,
      position: input.position,
      organizationId: input.organizationId ?? null,
      startsOn: input.startsOn,
    },
    communityId: org.communityId,
    streetId: org.streetId,
    compoundId: org.compoundId,
  });
  return post;
}

export const appointOfficer = (by: TBy, input: TAppointOfficer) => getDb().$transaction((tx) => appointOfficerIn(tx, by, input));

/** Ends an officer's term on a day (the history stays). */
export async function endOfficer(by: TBy, input: { postId: number; endsOn: string }) {
  return getDb().$transaction(async (tx) => {
    const post = (await tx.partyOrgMember.findUnique({ where: { id: input.postId } })) ?? refuse('auth.forbidden');
    const org = await lockOrg(tx, post.partyOrgId);
    requireBuild(by, org.kind, partyOrgAncestry(org));
    const current = await tx.partyOrgMember.findUniqueOrThrow({ where: { id: post.id } });
    if (current.endsOn) refuse('partyOrg.alreadyEnded');
    if (input.endsOn < fromDateOnly(current.startsOn)) refuse('partyOrg.termOrder');
    await tx.partyOrgMember.update({ where: { id: post.id }, data: { endsOn: dateOnly(input.endsOn) } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'partyOrg.endOfficer',
      entityType: 'PartyOrgMember',
      entityId: post.id,
      before: { endsOn: null },
      after: { endsOn: input.endsOn },
      communityId: org.communityId,
      streetId: org.streetId,
      compoundId: org.compoundId,
    });
  });
}
