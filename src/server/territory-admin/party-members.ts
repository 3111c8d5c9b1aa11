import 'server-only';
import { personByPhone } from '@/server/people/person-by-phone';
import { scopesOf } from '@/domain/authz/can';
import { normalisePhone } from '@/domain/shared/phone';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { addDays } from '@/domain/calendar/working-calendar';
import { dateOnly, fromDateOnly } from '@/server/today';
import { holdOpenOrg } from '@/server/party/orgs';
import { refuse } from '@/server/errors';
import { partyOrgAncestry } from '@/server/party/places';
import { partyOrgWhere } from '@/server/accounts/scope';

export type TPartyProfile = {
  partyOrgId: number;
  name: string;
  phone: string;
  workUnit?: string;
  dualRegistered: boolean;
  mobile: boolean;
  servicePost?: string;
  skills: string[];
  interests: string[];
  intentions?: string;
};

async function orgAncestry(partyOrgId: number) {
  const org = await getDb().partyOrg.findUnique({
    where: { id: partyOrgId },
    select: { districtId: true, streetId: true, communityId: true, compoundId: true, buildingId: true, dissolvedOn: true },
  });
  // A dissolved organisation takes no members: refused like one that does not exist.
  if (!org || org.dissolvedOn) return { org: null, ancestry: null };
  return { org, ancestry: partyOrgAncestry(org) };
}

/**
 * Registers a party member with their organisation and "设岗定责" profile (post, skills, interests,
 * service intentions), or updates the profile of one already registered. Dual-registered members
 * (在职党员双报到) keep their workplace.
 */
export async function savePartyMember(by: TBy, input: TPartyProfile) {
  const { org, ancestry } = await orgAncestry(input.partyOrgId);
  authorize(by, 'partyMember.manage', ancestry);
  const phone = normalisePhone(input.phone) ?? refuse('account.phoneInvalid');
  const clean = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))].slice(0, 20);
  const profile = {
    partyOrgId: input.partyOrgId,
    workUnit: input.workUnit || null,
    dualRegistered: input.dualRegistered,
    mobile: input.mobile,
    servicePost: input.servicePost || null,
    skills: clean(input.skills),
    interests: clean(input.interests),
    intentions: input.intentions || null,
  };
  const db = getDb();
  return db.$transaction(async (tx) => {
    await holdOpenOrg(tx, input.partyOrgId);
    const person = await personByPhone(tx, input.name, phone);
    const before = await tx.partyMember.findUnique({ where: { personId: person.id } });
    if (before && before.partyOrgId !== input.partyOrgId) {
      // Moving a member to another organisation needs rights over the one they leave as well.
      const from = await orgAncestry(before.partyOrgId);
      authorize(by, 'partyMember.manage', from.ancestry);
    }
    const member = await tx.partyMember.upsert({
      where: { personId: person.id },
      create: { personId: person.id, ...profile },
      update: profile,
    });
    if (before) await endCentralTermsElsewhere(tx, by, member.id, org!.communityId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: before ? 'partyMember.update' : 'partyMember.register',
      entityType: 'PartyMember',
      entityId: member.id,
      before: before
        ? { partyOrgId: before.partyOrgId, skills: before.skills, interests: before.interests, servicePost: before.servicePost }
        : undefined,
      after: profile,
      communityId: org!.communityId,
      compoundId: org!.compoundId,
    });
    return member;
  });
}

/** Party members in the actor's places, optionally only those with a skill or interest — to match members to tasks. */
export async function listPartyMembers(by: TBy, filter: { skill?: string } = {}) {
  const scopes = scopesOf(by.actor, 'partyMember.manage', by.today);
  if (scopes.length === 0) return [];
  const skill = filter.skill?.trim();
  return getDb().partyMember.findMany({
    where: {
      partyOrg: { OR: scopes.map(partyOrgWhere) },
      ...(skill ? { OR: [{ skills: { has: skill } }, { interests: { has: skill } }] } : {}),
    },
    orderBy: { id: 'asc' },
    take: 300,
    select: {
      id: true,
      dualRegistered: true,
      mobile: true,
      workUnit: true,
      servicePost: true,
      skills: true,
      interests: true,
      intentions: true,
      person: { select: { name: true, phone: true } },
      partyOrg: { select: { name: true } },
    },
  });
}

/** Party organisations where the actor registers members, for the form's select. */
export async function listPartyOrgsInScope(by: TBy) {
  const scopes = scopesOf(by.actor, 'partyMember.manage', by.today);
  if (scopes.length === 0) return [];
  return getDb().partyOrg.findMany({
    where: { OR: scopes.map(partyOrgWhere), dissolvedOn: null },
    orderBy: { id: 'asc' },
    select: { id: true, name: true },
  });
}

/**
 * A 党员中心户 is chosen among the party members of the grid's community (decision 044): a member whose membership moves
 * to another community's organisation stops being one there — terms running end the day before, terms not yet begun
 * are removed — each with its audit row. The households they kept in touch with stay on record with the ended term.
 */
async function endCentralTermsElsewhere(tx: TTx, by: TBy, partyMemberId: number, communityId: number | null) {
  const terms = await tx.centralHousehold.findMany({
    where: {
      partyMemberId,
      OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(by.today) } }],
      ...(communityId === null ? {} : { grid: { communityId: { not: communityId } } }),
    },
    select: { id: true, startsOn: true, endsOn: true, grid: { select: { communityId: true } } },
  });
  const yesterday = addDays(by.today, -1);
  for (const t of terms) {
    const begun = fromDateOnly(t.startsOn) <= yesterday;
    if (begun) await tx.centralHousehold.update({ where: { id: t.id }, data: { endsOn: dateOnly(yesterday) } });
    else await tx.centralHousehold.delete({ where: { id: t.id } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'centralHousehold.end',
      entityType: 'CentralHousehold',
      entityId: t.id,
      before: { endsOn: t.endsOn ? fromDateOnly(t.endsOn) : null },
      after: { endsOn: begun ? yesterday : null, removed: !begun, reason: 'partyMember.moved' },
      communityId: t.grid.communityId,
    });
  }
}
