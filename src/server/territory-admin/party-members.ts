import 'server-only';
import { personByPhone } from '@/server/people/person-by-phone';
import { scopesOf } from '@/domain/authz/can';
import { normalisePhone } from '@/domain/shared/phone';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
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
