import 'server-only';
import { placedWhere } from '@/server/accounts/scope';
import { isActive, scopesOf } from '@/domain/authz/can';
import { ROLE_PERMISSIONS, type TPermission } from '@/domain/authz/permissions';
import type { TPlaceRef } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { keptAncestryOf } from '@/server/places/ancestry';
import { inElectorate, personOf, requireElection } from './access';

const OPEN = ['NOMINATING', 'PUBLICISING', 'VOTING'] as const;

const LIST = {
  id: true,
  title: true,
  status: true,
  seats: true,
  electorate: true,
  round: true,
  nominationEndsAt: true,
  community: { select: { name: true } },
  compound: { select: { name: true } },
} as const;

/**
 * The elections an account sees: `managed`, those of the places where it holds election.manage (every status, newest
 * first; `place` narrows them); `mine`, the open ones (nominating, on the board, voting) of the places around its home,
 * and its party organisation's.
 */
export async function listElections(by: TBy, place?: TPlaceRef) {
  const db = getDb();
  const scopes = scopesOf(by.actor, 'election.manage', by.today);
  const managed = scopes.length
    ? await db.election.findMany({
        where: { AND: [{ OR: scopes.map(placedWhere) }, ...(place ? [placedWhere(place)] : [])] },
        select: LIST,
        orderBy: { id: 'desc' },
        take: 100,
      })
    : [];
  const homes = by.actor.grants
    .filter(
      (g) =>
        g.place.level === 'building' &&
        isActive(g, by.today) &&
        (ROLE_PERMISSIONS[g.role] as readonly TPermission[]).includes('election.participate'),
    )
    .map((g) => g.place.id);
  const around = (await Promise.all([...new Set(homes)].map((id) => keptAncestryOf({ level: 'building', id })))).filter((a) => !!a);
  const personId = await personOf(by);
  const member = personId ? await db.partyMember.findUnique({ where: { personId }, select: { partyOrgId: true } }) : null;
  const OR = [
    ...around.flatMap((a) => [
      { electorate: { not: 'PARTY_MEMBERS' as const }, compoundId: a.compound },
      { electorate: { not: 'PARTY_MEMBERS' as const }, communityId: a.community, compoundId: null },
    ]),
    ...(member ? [{ partyOrgId: member.partyOrgId }] : []),
  ];
  const mine = OR.length
    ? await db.election.findMany({ where: { status: { in: [...OPEN] }, OR }, select: LIST, orderBy: { id: 'desc' }, take: 50 })
    : [];
  return { managed, mine, canOpen: scopes.length > 0 };
}

/**
 * One election as its page shows the nomination and publicity parts (decision 069): the election, the candidates with
 * their seconder counts (never the seconders' or nominators' names), the objections (all for staff; one's own for a
 * resident), and what the account may do. The voting part is E2's (voting-read.ts).
 */
export async function getElectionView(by: TBy, id: number) {
  const db = getDb();
  const { election: e, manages, participates, personId, branch } = await requireElection(by, id, 'read');
  const [row, candidates, objections, notice, buildings] = await Promise.all([
    db.election.findUniqueOrThrow({
      where: { id },
      select: {
        community: { select: { name: true } },
        compound: { select: { name: true } },
        building: { select: { name: true } },
        body: { select: { name: true } },
        partyOrg: { select: { name: true } },
      },
    }),
    db.electionCandidate.findMany({
      where: { electionId: id },
      select: {
        id: true,
        personId: true,
        kind: true,
        status: true,
        statement: true,
        listOrder: true,
        elected: true,
        person: { select: { name: true } },
        nominatedBy: { select: { personId: true } },
        seconders: { select: { personId: true } },
      },
      orderBy: [{ listOrder: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    }),
    db.electionObjection.findMany({
      where: { electionId: id, ...(manages ? {} : { byPersonId: personId ?? -1 }) },
      select: { id: true, candidateId: true, text: true, answer: true, upheld: true, createdAt: true, answeredAt: true },
      orderBy: { id: 'asc' },
    }),
    e.candidateNoticeId ? db.notice.findUnique({ where: { id: e.candidateNoticeId }, select: { id: true, periodEndsAt: true } }) : null,
    db.building.findMany({
      where: e.buildingId
        ? { id: e.buildingId }
        : e.compoundId
          ? { compoundId: e.compoundId }
          : { compound: { communityId: e.communityId } },
      select: { id: true, name: true, compound: { select: { name: true } } },
      orderBy: { id: 'asc' },
      take: 300,
    }),
  ]);
  const eligible = participates && personId ? await inElectorate(db, e, personId, by.today) : false;
  const now = Date.now();
  const nominating = e.status === 'NOMINATING' && now <= e.nominationEndsAt.getTime();
  const publicising = e.status === 'PUBLICISING' && !!notice && (!notice.periodEndsAt || now <= notice.periodEndsAt.getTime());
  const name = new Map(candidates.map((c) => [c.id, c.person.name]));
  return {
    election: { ...e, ...row },
    manages,
    participates,
    eligible,
    notice,
    /** Nominations still taken (NOMINATING and before the deadline). */
    nominating,
    can: {
      nominateSelf: nominating && eligible && !candidates.some((c) => c.personId === personId),
      nominateOthers: nominating && eligible,
      nominateBranch: nominating && branch,
      nominateStaff: nominating && manages,
      publish: manages && e.status === 'NOMINATING',
      object: publicising && participates,
      answer: manages && e.status === 'PUBLICISING',
      cancel: manages && e.status !== 'DONE' && e.status !== 'CANCELLED',
    },
    candidates: candidates.map((c) => ({
      id: c.id,
      name: c.person.name,
      kind: c.kind,
      status: c.status,
      statement: c.statement,
      listOrder: c.listOrder,
      elected: c.elected,
      seconders: c.seconders.length,
      mine: !!personId && c.personId === personId,
      canSecond:
        nominating &&
        eligible &&
        c.kind === 'RESIDENTS' &&
        (c.status === 'NOMINATED' || c.status === 'LISTED') &&
        c.personId !== personId &&
        c.nominatedBy.personId !== personId &&
        !c.seconders.some((s) => s.personId === personId),
      canWithdraw:
        (e.status === 'NOMINATING' || e.status === 'PUBLICISING') &&
        (c.status === 'NOMINATED' || c.status === 'LISTED') &&
        (manages || (!!personId && c.personId === personId)),
    })),
    objections: objections.map((o) => ({ ...o, candidate: o.candidateId ? (name.get(o.candidateId) ?? null) : null })),
    buildings: buildings.map((b) => ({ value: String(b.id), label: `${b.compound.name} ${b.name}` })),
  };
}

export type TElectionView = Awaited<ReturnType<typeof getElectionView>>;

/** What the new-election form offers at a community the account manages: its compounds and buildings, bodies, organisations, meetings. */
export async function electionDesk(by: TBy, communityId?: number) {
  const db = getDb();
  const scopes = scopesOf(by.actor, 'election.manage', by.today);
  const communityWhere = (p: TPlaceRef) =>
    p.level === 'district'
      ? { street: { districtId: p.id } }
      : p.level === 'street'
        ? { streetId: p.id }
        : p.level === 'community'
          ? { id: p.id }
          : p.level === 'compound'
            ? { compounds: { some: { id: p.id } } }
            : { compounds: { some: { buildings: { some: { id: p.id } } } } };
  const communities = scopes.length
    ? await db.community.findMany({
        where: { OR: scopes.map(communityWhere) },
        select: { id: true, name: true },
        orderBy: { id: 'asc' },
        take: 300,
      })
    : [];
  const community = communities.find((c) => c.id === communityId) ?? (communities.length === 1 ? communities[0] : undefined);
  if (!community) return { communities, community: null };
  const [compounds, bodies, partyOrgs, meetings] = await Promise.all([
    db.compound.findMany({
      where: { communityId: community.id },
      select: { id: true, name: true, buildings: { select: { id: true, name: true }, orderBy: { id: 'asc' } } },
      orderBy: { id: 'asc' },
    }),
    db.body.findMany({ where: { communityId: community.id }, select: { id: true, name: true }, orderBy: { id: 'asc' } }),
    db.partyOrg.findMany({
      where: { communityId: community.id, dissolvedOn: null },
      select: { id: true, name: true },
      orderBy: { id: 'asc' },
    }),
    db.meeting.findMany({
      where: { communityId: community.id, startsAt: { gte: new Date() } },
      select: { id: true, title: true },
      orderBy: { startsAt: 'asc' },
      take: 50,
    }),
  ]);
  return { communities, community, compounds, bodies, partyOrgs, meetings };
}
