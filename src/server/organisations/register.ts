import 'server-only';
import { can, scopesOf } from '@/domain/authz/can';
import { isWithin } from '@/domain/territory/places';
import {
  creditCodeRefusal,
  normaliseCreditCode,
  normaliseOrganizationPhone,
  type TOrganizationKind,
} from '@/domain/organisation/organisations';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly } from '@/server/today';

export type TOrganizationInput = {
  kind: TOrganizationKind;
  name: string;
  creditCode?: string;
  phone?: string;
  hasPartyOrg: boolean;
};

/** The districts whose register the actor keeps: wherever they hold organization.manage, that place's district. */
export async function registerDistricts(by: TBy, db?: TTx): Promise<number[]> {
  const districts = await Promise.all(
    scopesOf(by.actor, 'organization.manage', by.today).map(async (s) => (await ancestryOf(s, db))?.district),
  );
  return [...new Set(districts.filter((d): d is number => d !== undefined))];
}

async function requireRegister(by: TBy, districtId: number, db?: TTx) {
  if (!(await registerDistricts(by, db)).includes(districtId)) refuse('auth.forbidden');
}

/**
 * An organisation already at work somewhere is changed only by whoever keeps organisations at every place it serves
 * (or will serve): a community cannot rename the firm another community relies on.
 */
export async function requireKeeper(by: TBy, organizationId: number) {
  const db = getDb();
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { districtId: true } });
  if (!org) return refuse('auth.forbidden');
  await requireRegister(by, org.districtId);
  if (!(await keepsEverywhere(db, by, organizationId))) refuse('auth.forbidden');
  return org;
}

/** Whether the actor keeps organisations at every place the organisation serves today or will serve. */
export async function keepsEverywhere(
  db: Pick<TTx, 'organizationAssignment' | 'district' | 'street' | 'community' | 'compound' | 'building'>,
  by: TBy,
  organizationId: number,
): Promise<boolean> {
  const open = await db.organizationAssignment.findMany({
    where: { organizationId, OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(by.today) } }] },
    select: { communityId: true, compoundId: true },
  });
  for (const a of open) {
    const ancestry = await ancestryOf(
      a.compoundId ? { level: 'compound', id: a.compoundId } : { level: 'community', id: a.communityId },
      db,
    );
    if (!ancestry || !can(by.actor, 'organization.manage', { ancestry }, by.today)) return false;
  }
  return true;
}

function checked(input: TOrganizationInput) {
  const name = input.name.trim();
  if (!name) refuse('organization.nameMissing');
  let creditCode: string | null = null;
  if (input.creditCode?.trim()) {
    creditCode = normaliseCreditCode(input.creditCode);
    const refusal = creditCodeRefusal(creditCode);
    if (refusal) refuse(refusal);
  }
  const phone = input.phone?.trim() ? (normaliseOrganizationPhone(input.phone) ?? refuse('organization.phoneInvalid')) : null;
  return { kind: input.kind, name, creditCode, phone, hasPartyOrg: input.hasPartyOrg };
}

const isTaken = (e: unknown) => (e as { code?: string }).code === 'P2002';

/** Registers an organisation in a district's register (an organisation with a credit code is registered once). */
export async function registerOrganizationIn(tx: TTx, by: TBy, districtId: number, input: TOrganizationInput) {
  await requireRegister(by, districtId, tx);
  const data = checked(input);
  if (data.creditCode && (await tx.organization.findUnique({ where: { creditCode: data.creditCode }, select: { id: true } })))
    refuse('organization.creditCodeTaken');
  const org = await tx.organization.create({ data: { ...data, districtId } });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'organization.create',
    entityType: 'Organization',
    entityId: org.id,
    after: { ...data, districtId },
    districtId,
  });
  return org;
}

export const registerOrganization = (by: TBy, districtId: number, input: TOrganizationInput) =>
  getDb()
    .$transaction((tx) => registerOrganizationIn(tx, by, districtId, input))
    .catch((e) => (isTaken(e) ? refuse('organization.creditCodeTaken') : Promise.reject(e)));

/** Corrects an organisation's name, kind, credit code, phone or party organisation. */
export async function updateOrganization(by: TBy, organizationId: number, input: TOrganizationInput) {
  await requireKeeper(by, organizationId);
  return getDb()
    .$transaction((tx) => updateOrganizationIn(tx, by, organizationId, input))
    .catch((e) => (isTaken(e) ? refuse('organization.creditCodeTaken') : Promise.reject(e)));
}

/** The write of updateOrganization, for callers that authorized already (the import, at its community). */
export async function updateOrganizationIn(tx: TTx, by: TBy, organizationId: number, input: TOrganizationInput) {
  const data = checked(input);
  const before = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      kind: true,
      name: true,
      creditCode: true,
      phone: true,
      hasPartyOrg: true,
      districtId: true,
      _count: { select: { assignments: true } },
    },
  });
  // The kind decides the relations its assignments have: it changes only before the first assignment.
  if (data.kind !== before.kind && before._count.assignments > 0) refuse('organization.kindFixed');
  await tx.organization.update({ where: { id: organizationId }, data });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'organization.update',
    entityType: 'Organization',
    entityId: organizationId,
    before: { kind: before.kind, name: before.name, creditCode: before.creditCode, phone: before.phone, hasPartyOrg: before.hasPartyOrg },
    after: data,
    districtId: before.districtId,
  });
}

/** The register of the districts the actor keeps: every organisation with its assignments and staff. */
export async function listOrganizations(by: TBy) {
  const districts = await registerDistricts(by);
  if (districts.length === 0) refuse('auth.forbidden');
  return getDb().organization.findMany({
    where: { districtId: { in: districts } },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    take: 500,
    select: {
      id: true,
      kind: true,
      name: true,
      creditCode: true,
      phone: true,
      hasPartyOrg: true,
      districtId: true,
      assignments: {
        orderBy: { startsOn: 'desc' },
        select: {
          id: true,
          relation: true,
          startsOn: true,
          endsOn: true,
          community: { select: { id: true, name: true } },
          compound: { select: { id: true, name: true } },
        },
      },
      members: {
        where: { staff: true },
        orderBy: { id: 'asc' },
        select: { id: true, title: true, leftOn: true, person: { select: { name: true, phone: true } } },
      },
    },
  });
}

/** The places the actor may assign organisations to, district by district (for the form's choices). */
export async function assignablePlaces(by: TBy) {
  const scopes = scopesOf(by.actor, 'organization.manage', by.today);
  const where = {
    OR: scopes.map((s) =>
      s.level === 'district'
        ? { street: { districtId: s.id } }
        : s.level === 'street'
          ? { streetId: s.id }
          : s.level === 'community'
            ? { id: s.id }
            : { compounds: { some: { id: s.level === 'compound' ? s.id : -1 } } },
    ),
  };
  if (scopes.length === 0) return [];
  const communities = await getDb().community.findMany({
    where,
    orderBy: { id: 'asc' },
    take: 300,
    select: {
      id: true,
      name: true,
      streetId: true,
      street: { select: { districtId: true } },
      compounds: { orderBy: { id: 'asc' }, select: { id: true, name: true } },
    },
  });
  // A community is offered where the actor holds the permission at it or above; a compound-level holder gets only its compounds.
  return communities.map(({ street, streetId, ...c }) => {
    const ancestry = { district: street.districtId, street: streetId, community: c.id };
    const whole = scopes.some((s) => s.level !== 'compound' && isWithin(ancestry, s));
    return {
      ...c,
      assignable: whole,
      compounds: c.compounds.filter((p) => whole || scopes.some((s) => s.level === 'compound' && s.id === p.id)),
    };
  });
}

/** The districts whose register the actor keeps, with their names (for the register form). */
export async function registerDistrictChoices(by: TBy) {
  const ids = await registerDistricts(by);
  return getDb().district.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, select: { id: true, name: true } });
}
