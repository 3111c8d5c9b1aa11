import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';
import { dateOnly, inForceOn } from '@/server/today';
import { requireCase } from './access';
import { householdPeople } from './parties';

export type TMediatorSource = 'COMMITTEE' | 'GRID_WORKER' | 'BRANCH_SECRETARY' | 'STUDIO';
export type TEligible = {
  personId: number;
  name: string;
  source: TMediatorSource;
  bodyId: number | null;
  organizationId: number | null;
  from: string;
};

const PERSON = { select: { id: true, name: true } } as const;

/**
 * Who may mediate a case of the community on a day (decision 062): members of its people's mediation committees in their
 * term, its grid workers, the secretaries of its compound and grid branches, and the staff of mediation studios with a
 * current assignment to it. One row per person and source.
 */
export async function eligibleMediators(communityId: number, day: string, db: TTx = getDb()): Promise<TEligible[]> {
  const [committee, duties, grants, secretaries, studios] = await Promise.all([
    db.bodyMember.findMany({
      where: { ...inForceOn(day), body: { kind: 'MEDIATION_COMMITTEE', communityId } },
      select: { person: PERSON, body: { select: { id: true, name: true } } },
    }),
    db.gridDuty.findMany({
      where: { ...inForceOn(day), grid: { communityId } },
      select: { user: { select: { person: PERSON } }, grid: { select: { name: true } } },
    }),
    db.roleGrant.findMany({
      where: { ...inForceOn(day), revokedAt: null, role: 'GRID_WORKER', placeLevel: 'COMMUNITY', placeId: communityId },
      select: { user: { select: { person: PERSON } } },
    }),
    db.partyOrgMember.findMany({
      where: {
        ...inForceOn(day),
        position: 'SECRETARY',
        partyOrg: { communityId, dissolvedOn: null, kind: { in: ['COMPOUND_BRANCH', 'GRID_BRANCH'] } },
      },
      select: { person: PERSON, partyOrg: { select: { name: true } } },
    }),
    db.organizationMember.findMany({
      where: {
        staff: true,
        OR: [{ leftOn: null }, { leftOn: { gt: dateOnly(day) } }],
        organization: { kind: 'MEDIATION_STUDIO', assignments: { some: { communityId, ...inForceOn(day) } } },
      },
      select: { person: PERSON, organization: { select: { id: true, name: true } } },
    }),
  ]);
  const rows: TEligible[] = [
    ...committee.map((m) => ({
      ...who(m.person),
      source: 'COMMITTEE' as const,
      bodyId: m.body.id,
      organizationId: null,
      from: m.body.name,
    })),
    ...duties.map((d) => ({
      ...who(d.user.person),
      source: 'GRID_WORKER' as const,
      bodyId: null,
      organizationId: null,
      from: d.grid.name,
    })),
    ...grants.map((g) => ({ ...who(g.user.person), source: 'GRID_WORKER' as const, bodyId: null, organizationId: null, from: '' })),
    ...secretaries.map((s) => ({
      ...who(s.person),
      source: 'BRANCH_SECRETARY' as const,
      bodyId: null,
      organizationId: null,
      from: s.partyOrg.name,
    })),
    ...studios.map((s) => ({
      ...who(s.person),
      source: 'STUDIO' as const,
      bodyId: null,
      organizationId: s.organization.id,
      from: s.organization.name,
    })),
  ];
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.personId}:${r.source}`) && seen.add(`${r.personId}:${r.source}`));
}

const who = (p: { id: number; name: string }) => ({ personId: p.id, name: p.name });

/** The households a person belongs to (owner, or living there on the day), with their buildings. */
async function homesOf(tx: TTx, personId: number, day: string) {
  const [owned, lived] = await Promise.all([
    tx.ownership.findMany({ where: { personId }, select: { household: { select: { id: true, buildingId: true } } } }),
    tx.residency.findMany({
      where: { personId, OR: [{ until: null }, { until: { gte: dateOnly(day) } }] },
      select: { household: { select: { id: true, buildingId: true } } },
    }),
  ]);
  return [...owned, ...lived].map((r) => r.household);
}

/**
 * A conflict of interest (decision 062): a party, or someone of a party's household, is refused; a party's neighbour in the
 * same building is a warning — named only once it is confirmed, the note kept on the mediator.
 */
async function conflictOf(tx: TTx, caseId: number, personId: number, day: string): Promise<'party' | 'neighbour' | null> {
  const parties = await tx.mediationParty.findMany({ where: { caseId }, select: { personId: true, householdId: true } });
  if (parties.some((p) => p.personId === personId)) return 'party';
  const partyHomes = new Set(parties.map((p) => p.householdId).filter((h): h is number => h !== null));
  for (const p of parties) if (p.personId) for (const h of await homesOf(tx, p.personId, day)) partyHomes.add(h.id);
  for (const h of partyHomes) if ((await householdPeople(h, day, tx)).some((m) => m.id === personId)) return 'party';
  const buildings = new Set(
    (await tx.household.findMany({ where: { id: { in: [...partyHomes] } }, select: { buildingId: true } })).map((h) => h.buildingId),
  );
  return (await homesOf(tx, personId, day)).some((h) => buildings.has(h.buildingId)) ? 'neighbour' : null;
}

export const NEIGHBOUR_NOTE = '与当事人同住一栋楼（已提示并确认）';

/**
 * Names a mediator on an open case (the case's managers): someone of the community's eligible list; the lead replaces
 * any earlier lead. Told in their inbox when they have an account — the case's number only, never its parties.
 */
export async function addMediator(
  by: TBy,
  caseId: number,
  input: { personId: number; source: TMediatorSource; lead: boolean; confirmNeighbour: boolean },
) {
  return getDb().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const { case: c } = await requireCase(by, caseId, 'mediation.manage', { db: tx });
    if (c.status !== 'OPEN') refuse('mediation.wrongState');
    const eligible = (await eligibleMediators(c.communityId, by.today, tx)).find(
      (e) => e.personId === input.personId && e.source === input.source,
    );
    if (!eligible) return refuse('mediation.mediatorOutside');
    if (await tx.caseMediator.count({ where: { caseId, personId: input.personId } })) refuse('mediation.mediatorTwice');
    const conflict = await conflictOf(tx, caseId, input.personId, by.today);
    if (conflict === 'party') refuse('mediation.mediatorIsParty');
    if (conflict === 'neighbour' && !input.confirmNeighbour) refuse('mediation.mediatorNeighbour');
    if (input.lead) await tx.caseMediator.updateMany({ where: { caseId, lead: true }, data: { lead: false } });
    const m = await tx.caseMediator.create({
      data: {
        caseId,
        personId: input.personId,
        source: input.source,
        bodyId: eligible.bodyId,
        organizationId: eligible.organizationId,
        lead: input.lead,
        conflictNote: conflict === 'neighbour' ? NEIGHBOUR_NOTE : null,
        addedById: by.userId,
      },
      select: { id: true },
    });
    const user = await tx.user.findUnique({ where: { personId: input.personId }, select: { id: true } });
    await notify(tx, [user?.id], {
      kind: 'mediation.mediator',
      link: `/mediation/${caseId}`,
      title: `调解案件 ${c.year} 年第 ${c.seq} 号`,
      body: '您被指定为调解员',
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'mediation.addMediator',
      entityType: 'MediationCase',
      entityId: caseId,
      after: { mediatorId: m.id, personId: input.personId, source: input.source, lead: input.lead, warned: conflict === 'neighbour' },
      communityId: c.communityId,
      compoundId: c.compoundId,
    });
    return m;
  });
}

export async function removeMediator(by: TBy, caseId: number, mediatorId: number) {
  return getDb().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const { case: c } = await requireCase(by, caseId, 'mediation.manage', { db: tx });
    if (c.status !== 'OPEN') refuse('mediation.wrongState');
    const gone = await tx.caseMediator.deleteMany({ where: { id: mediatorId, caseId } });
    if (gone.count !== 1) refuse('mediation.badInput');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'mediation.removeMediator',
      entityType: 'MediationCase',
      entityId: caseId,
      before: { mediatorId },
      communityId: c.communityId,
      compoundId: c.compoundId,
    });
  });
}

/** One change of a case at a time (sessions numbered, mediators named): the case's row locked for the transaction. */
export async function lockCase(tx: TTx, caseId: number) {
  if (Number.isSafeInteger(caseId)) await tx.$queryRaw`SELECT id FROM "MediationCase" WHERE id = ${caseId} FOR UPDATE`;
}
