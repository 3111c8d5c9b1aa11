import 'server-only';
import { can } from '@/domain/authz/can';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { livesWithin } from '@/server/accounts/scope';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly } from '@/server/today';

/** The election row as every use case needs it. */
export const ELECTION = {
  id: true,
  communityId: true,
  compoundId: true,
  buildingId: true,
  bodyId: true,
  post: true,
  title: true,
  seats: true,
  maxChoices: true,
  electorate: true,
  partyOrgId: true,
  rule: true,
  secret: true,
  secondersNeeded: true,
  nominationEndsAt: true,
  publicityDays: true,
  votingStartsAt: true,
  votingEndsAt: true,
  meetingId: true,
  termStartsOn: true,
  termEndsOn: true,
  status: true,
  round: true,
  runoffOfId: true,
  candidateNoticeId: true,
  cancelReason: true,
  createdAt: true,
} as const;

type TElectionPlace = { communityId: number; compoundId: number | null };

/** The election's place for authorization: its compound when it has one, else its community (decision 069). */
export const electionAncestry = (e: TElectionPlace, db?: TTx): Promise<TAncestry | null> =>
  ancestryOf(e.compoundId ? { level: 'compound', id: e.compoundId } : { level: 'community', id: e.communityId }, db);

export async function personOf(by: TBy, db: Pick<TTx, 'user'> = getDb()): Promise<number | null> {
  if (by.personId) return by.personId;
  return (await db.user.findUnique({ where: { id: by.userId }, select: { personId: true } }))?.personId ?? null;
}

/** Whether the person is a member of the party organisation (PartyMember, one organisation per member). */
async function memberOf(db: Pick<TTx, 'partyMember'>, personId: number | null, partyOrgId: number | null) {
  if (!personId || !partyOrgId) return false;
  return (await db.partyMember.count({ where: { personId, partyOrgId } })) > 0;
}

/**
 * What the account may do on the election: `manage` (election.manage at its place), `participate` (a resident around
 * its place holding election.participate at home — for a party election, a member of that organisation only). A
 * manager may read; a participant may read; so may a branch secretary of the place's party organisation (`branch`, who
 * nominates for it). Nobody else learns whether the election exists.
 */
export type TElectionNeed = 'read' | 'participate' | 'manage' | 'branch';

export async function electionRoles(by: TBy, e: TElectionPlace & { electorate: string; partyOrgId: number | null }, db?: TTx) {
  const ancestry = await electionAncestry(e, db);
  if (!ancestry) return null;
  const manages = can(by.actor, 'election.manage', { ancestry }, by.today);
  const personId = await personOf(by, db);
  const participates =
    e.electorate === 'PARTY_MEMBERS'
      ? await memberOf(db ?? getDb(), personId, e.partyOrgId)
      : await livesWithin(by, ancestry, 'election.participate');
  const branch = await branchSecretary(db ?? getDb(), by, e, ancestry, personId);
  return { ancestry, manages, participates, branch, personId };
}

/**
 * The one gate of every election use case and read: the election, if the account may act on it as asked; otherwise
 * `auth.forbidden`, the same whether the election exists or not (no probing by id). Pass `lock` inside a write's
 * transaction to hold the election row (FOR UPDATE: a state change; FOR SHARE: a write that needs the state to stay).
 */
export async function requireElection(by: TBy, id: number, need: TElectionNeed, opts: { db?: TTx; lock?: 'update' | 'share' } = {}) {
  const db = opts.db ?? getDb();
  if (!Number.isSafeInteger(id) || id <= 0) return refuse('auth.forbidden');
  if (opts.lock === 'update') await db.$queryRaw`SELECT 1 FROM "Election" WHERE "id" = ${id} FOR UPDATE`;
  if (opts.lock === 'share') await db.$queryRaw`SELECT 1 FROM "Election" WHERE "id" = ${id} FOR SHARE`;
  const election = await db.election.findUnique({ where: { id }, select: ELECTION });
  const roles = election ? await electionRoles(by, election, opts.db) : null;
  if (!election || !roles) return refuse('auth.forbidden');
  const ok =
    need === 'manage'
      ? roles.manages
      : need === 'participate'
        ? roles.participates
        : need === 'branch'
          ? roles.branch
          : roles.manages || roles.participates || roles.branch;
  if (!ok) return refuse('auth.forbidden');
  return { election, ...roles };
}

export type TElectionRow = Awaited<ReturnType<typeof requireElection>>['election'];

/** Households of the election's place (its building, else its compound, else its community), as a Household filter. */
export function householdsOf(e: TElectionPlace & { buildingId: number | null }) {
  if (e.buildingId) return { buildingId: e.buildingId };
  if (e.compoundId) return { building: { compoundId: e.compoundId } };
  return { building: { compound: { communityId: e.communityId } } };
}

/**
 * Whether the person belongs to the election's electorate (a candidate, a seconder): an owner of the place (OWNERS),
 * a member of the organisation (PARTY_MEMBERS), else someone living at the place today (a residency of one of its
 * households, or an approved claim of their account).
 */
export async function inElectorate(
  db: Pick<TTx, 'ownership' | 'residency' | 'householdClaim' | 'partyMember'>,
  e: TElectionPlace & { buildingId: number | null; electorate: string; partyOrgId: number | null },
  personId: number,
  day: string,
): Promise<boolean> {
  if (e.electorate === 'PARTY_MEMBERS') return memberOf(db, personId, e.partyOrgId);
  const household = householdsOf(e);
  if (e.electorate === 'OWNERS') return (await db.ownership.count({ where: { personId, household } })) > 0;
  const d = dateOnly(day);
  const [lives, claims] = await Promise.all([
    db.residency.count({ where: { personId, household, OR: [{ until: null }, { until: { gte: d } }] } }),
    db.householdClaim.count({ where: { status: 'APPROVED', user: { personId }, household } }),
  ]);
  return lives + claims > 0;
}

/**
 * A branch secretary of the place's party organisation: election.manage held through a BRANCH_SECRETARY grant at the
 * place, or the SECRETARY position of the election's organisation (a party election), else of an organisation of its
 * community (and compound).
 */
export async function branchSecretary(
  tx: Pick<TTx, 'partyOrgMember'>,
  by: TBy,
  e: TElectionPlace & { partyOrgId: number | null },
  ancestry: TAncestry,
  personId: number | null,
) {
  const grants = by.actor.grants.filter((g) => g.role === 'BRANCH_SECRETARY');
  if (grants.length && can({ ...by.actor, grants }, 'election.manage', { ancestry }, by.today)) return true;
  if (!personId) return false;
  const d = dateOnly(by.today);
  // The community's own organisation (no compound), or the compound's branch for a compound's election.
  const places = [{ compoundId: null }, ...(e.compoundId ? [{ compoundId: e.compoundId }] : [])];
  const partyOrg = e.partyOrgId ? { id: e.partyOrgId } : { communityId: e.communityId, dissolvedOn: null, OR: places };
  const held = await tx.partyOrgMember.count({
    where: { personId, position: 'SECRETARY', startsOn: { lte: d }, OR: [{ endsOn: null }, { endsOn: { gte: d } }], partyOrg },
  });
  return held > 0;
}
