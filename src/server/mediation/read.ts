import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { requireCase } from './access';
import { eligibleMediators } from './mediators';
import { householdPeople } from './parties';

const NO = { year: true, seq: true, community: { select: { name: true } } } as const;

/**
 * My cases (/mediation): the cases of the communities whose mediation the account manages, the cases it mediates, and
 * its own cases as a party. A list row says the 案号, kind, status and day received — never the summary or a name.
 */
export async function myCases(by: TBy) {
  const db = getDb();
  const places = scopesOf(by.actor, 'mediation.manage', by.today);
  const communityIds = places.filter((p) => p.level === 'community').map((p) => p.id);
  const compoundIds = places.filter((p) => p.level === 'compound').map((p) => p.id);
  const personId = by.personId ?? (await db.user.findUnique({ where: { id: by.userId }, select: { personId: true } }))?.personId ?? -1;
  const rows = await db.mediationCase.findMany({
    where: {
      OR: [
        { communityId: { in: communityIds } },
        { compoundId: { in: compoundIds } },
        { mediators: { some: { personId } } },
        { parties: { some: { personId } } },
      ],
    },
    orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
    take: 200,
    select: {
      id: true,
      kind: true,
      status: true,
      urgency: true,
      receivedOn: true,
      ...NO,
      parties: { where: { personId }, select: { id: true } },
    },
  });
  return rows.map(({ parties, ...r }) => ({ ...r, mine: parties.length > 0 }));
}

/** Whether the account has any case to see (the 调解 links on /admin and /me). */
export async function hasCases(by: TBy) {
  return scopesOf(by.actor, 'mediation.manage', by.today).length > 0 || (await myCases(by)).length > 0;
}

/**
 * The case page's content (/mediation/[id]) through requireCase — a staff read audited. Staff (managers, mediators) read
 * everything; a party reads the party view: status, sessions' time and place, the mediators' names, the parties' names —
 * no notes, no outcome text, no other party's phone or address, no summary.
 */
export async function readCase(by: TBy, caseId: number) {
  const db = getDb();
  const access = await requireCase(by, caseId, 'read', { audit: true });
  const c = await db.mediationCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      kind: true,
      source: true,
      urgency: true,
      status: true,
      summary: true,
      receivedOn: true,
      referredBy: true,
      issueId: true,
      communityId: true,
      compoundId: true,
      ...NO,
      parties: {
        orderBy: { id: 'asc' },
        select: { id: true, side: true, personId: true, householdId: true, name: true, phone: true, address: true },
      },
      mediators: {
        orderBy: { id: 'asc' },
        select: { id: true, personId: true, source: true, lead: true, conflictNote: true, person: { select: { name: true } } },
      },
      sessions: {
        orderBy: { no: 'asc' },
        select: {
          id: true,
          no: true,
          startsAt: true,
          location: true,
          format: true,
          status: true,
          attendance: true,
          notes: true,
          outcome: true,
        },
      },
    },
  });
  const mediators = c.mediators.map((m) => ({
    id: m.id,
    personId: m.personId,
    name: m.person.name,
    source: m.source,
    lead: m.lead,
    conflictNote: m.conflictNote,
  }));
  if (access.view === 'staff') return { view: 'staff' as const, manages: access.manages, ...c, mediators };
  const self = access.personId;
  return {
    view: 'party' as const,
    manages: false,
    id: c.id,
    kind: c.kind,
    status: c.status,
    receivedOn: c.receivedOn,
    year: c.year,
    seq: c.seq,
    community: c.community,
    parties: c.parties.map((p) => ({ id: p.id, side: p.side, name: p.name, phone: p.personId === self ? p.phone : null })),
    mediators: mediators.map((m) => ({ id: m.id, name: m.name, lead: m.lead })),
    sessions: c.sessions
      .filter((s) => s.status !== 'CANCELLED')
      .map((s) => ({ id: s.id, no: s.no, startsAt: s.startsAt, location: s.location, format: s.format, status: s.status })),
  };
}
export type TCaseRead = Awaited<ReturnType<typeof readCase>>;

/** The communities where the account receives cases (the receive form's choice). */
export async function receivingCommunities(by: TBy) {
  const ids = scopesOf(by.actor, 'mediation.manage', by.today)
    .filter((p) => p.level === 'community')
    .map((p) => p.id);
  return getDb().community.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
}

/**
 * What the staff view's forms need: the community's eligible mediators, its buildings (the roster search), and the
 * household found by building, unit and room with its people. Staff of the case only.
 */
export async function caseDesk(by: TBy, caseId: number, find: { buildingId?: number; unit?: string; room?: string }) {
  const db = getDb();
  const { case: c } = await requireCase(by, caseId, 'mediation.mediate');
  const where = c.compoundId ? { compoundId: c.compoundId } : { compound: { communityId: c.communityId } };
  const [eligible, buildings] = await Promise.all([
    eligibleMediators(c.communityId, by.today),
    db.building.findMany({ where, select: { id: true, name: true, compound: { select: { name: true } } }, orderBy: { id: 'asc' } }),
  ]);
  const building = buildings.find((b) => b.id === find.buildingId);
  const household =
    building && find.room
      ? await db.household.findFirst({
          where: { buildingId: building.id, unitNo: find.unit?.trim() || '1', roomNo: find.room.trim() },
          select: { id: true, unitNo: true, roomNo: true },
        })
      : null;
  const people = household ? await householdPeople(household.id, by.today) : [];
  return {
    eligible,
    buildings: buildings.map((b) => ({ id: b.id, name: `${b.compound.name} ${b.name}` })),
    found: building && find.room ? (household ? { ...household, building: building.name, people } : null) : undefined,
  };
}
