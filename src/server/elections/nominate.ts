import 'server-only';
import type { TNominationKind } from '@/domain/elections/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { toChinaLocal } from '@/server/issues/clock';
import { householdPeople } from '@/server/mediation/parties';
import { householdsOf, inElectorate, requireElection, type TElectionRow } from './access';

/** A person of the place found the way the roster is read: building, unit and room, then the name as the roster has it. */
export type TFindPerson = { buildingId: number; unit?: string; room: string; name: string };
export type TNominate = { kind: TNominationKind; statement?: string | null; personId?: number; find?: TFindPerson };

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
/** "2026-12-10 18:00", China's time, for a refusal's words. */
export const chinaTime = (d: Date) => {
  const l = toChinaLocal(d);
  return `${l.date} ${hhmm(l.minute)}`;
};

/** Nominations and seconders are taken while NOMINATING and until the deadline (China time shown). */
export function nominationOpen(e: Pick<TElectionRow, 'status' | 'nominationEndsAt'>, now = Date.now()) {
  if (e.status !== 'NOMINATING') refuse('election.wrongState');
  if (now > e.nominationEndsAt.getTime()) refuse('election.nominationClosed', { at: chinaTime(e.nominationEndsAt) });
}

/**
 * The person named by building, unit, room and name, among the people of that household (its owners and its residents
 * today) in the election's place. Nothing about the household is told back: a wrong room and a wrong name read the same.
 */
async function findPerson(tx: TTx, e: TElectionRow, find: TFindPerson, day: string): Promise<number> {
  const name = find.name?.trim();
  const room = find.room?.trim();
  if (!name || !room || !Number.isSafeInteger(find.buildingId)) return refuse('election.personNotFound');
  const household = await tx.household.findFirst({
    where: { AND: [householdsOf(e), { buildingId: find.buildingId, unitNo: find.unit?.trim() || '1', roomNo: room }] },
    select: { id: true },
  });
  const person = household && (await householdPeople(household.id, day, tx)).find((p) => p.name === name);
  return person ? person.id : refuse('election.personNotFound');
}

const isUnique = (e: unknown) => (e as { code?: string }).code === 'P2002';

/**
 * Nominates a candidate (decision 069): SELF (the resident themself), RESIDENTS (a resident names another person of the
 * place; listed once `secondersNeeded` others of the electorate second), BRANCH (the branch secretary), STAFF (entered
 * from paper by election.manage). The candidate belongs to the electorate; the same person twice is refused.
 */
export async function nominate(by: TBy, electionId: number, input: TNominate): Promise<{ id: number; listed: boolean }> {
  const kinds: TNominationKind[] = ['SELF', 'RESIDENTS', 'BRANCH', 'STAFF'];
  if (!kinds.includes(input.kind)) refuse('election.badInput');
  const statement = input.statement?.trim() || null;
  if (statement && statement.length > 500) refuse('election.statementLong');
  try {
    return await getDb().$transaction(async (tx) => {
      const need = input.kind === 'STAFF' ? 'manage' : input.kind === 'BRANCH' ? 'branch' : 'participate';
      const { election: e, personId } = await requireElection(by, electionId, need, { db: tx, lock: 'share' });
      nominationOpen(e);
      let candidate: number;
      if (input.kind === 'SELF') {
        if (!personId || !(await inElectorate(tx, e, personId, by.today))) return refuse('election.notInElectorate');
        candidate = personId;
      } else {
        if (input.kind === 'RESIDENTS' && (!personId || !(await inElectorate(tx, e, personId, by.today))))
          refuse('election.notInElectorate');
        // Residents find the person by home and name only: an id would let anyone probe who lives where.
        const byId = input.kind !== 'RESIDENTS' && Number.isSafeInteger(input.personId) ? input.personId! : null;
        candidate = byId ?? (input.find ? await findPerson(tx, e, input.find, by.today) : refuse('election.personNotFound'));
        if (input.kind === 'RESIDENTS' && candidate === personId) refuse('election.useSelf');
        // To a resident, "not in the electorate" would confirm that this name owns that home: the same answer as a miss.
        if (!(await inElectorate(tx, e, candidate, by.today)))
          refuse(input.kind === 'RESIDENTS' ? 'election.personNotFound' : 'election.candidateOutside');
      }
      if (await tx.electionCandidate.count({ where: { electionId, personId: candidate } })) refuse('election.alreadyNominated');
      const listed = !(input.kind === 'RESIDENTS' && e.secondersNeeded > 0);
      const c = await tx.electionCandidate.create({
        data: {
          electionId,
          personId: candidate,
          kind: input.kind,
          nominatedById: by.userId,
          statement,
          status: listed ? 'LISTED' : 'NOMINATED',
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'election.nominate',
        entityType: 'ElectionCandidate',
        entityId: c.id,
        after: { electionId, personId: candidate, kind: input.kind, listed },
        communityId: e.communityId,
        compoundId: e.compoundId,
      });
      return { id: c.id, listed };
    });
  } catch (err) {
    // Two nominations of the same person at once: the unique key lets one through; the other reads as already nominated.
    if (isUnique(err)) refuse('election.alreadyNominated');
    throw err;
  }
}

/** The candidate's election, or the not-found refusal (no probing by id). */
async function candidateOf(tx: TTx, candidateId: number) {
  if (!Number.isSafeInteger(candidateId) || candidateId <= 0) return refuse('auth.forbidden');
  const c = await tx.electionCandidate.findUnique({ where: { id: candidateId }, select: { electionId: true } });
  return c ?? refuse('auth.forbidden');
}

/**
 * Seconds a residents' nomination (附议): someone of the electorate, once, neither the candidate nor the nominator. The
 * candidate row is locked, so two seconders at once are counted one after the other: the one who reaches
 * `secondersNeeded` lists the candidate, once.
 */
export async function second(by: TBy, candidateId: number): Promise<{ listed: boolean; seconders: number }> {
  try {
    return await getDb().$transaction(async (tx) => {
      const { electionId } = await candidateOf(tx, candidateId);
      const { election: e, personId } = await requireElection(by, electionId, 'participate', { db: tx, lock: 'share' });
      await tx.$queryRaw`SELECT 1 FROM "ElectionCandidate" WHERE "id" = ${candidateId} FOR UPDATE`;
      const c = await tx.electionCandidate.findUniqueOrThrow({
        where: { id: candidateId },
        select: { personId: true, kind: true, status: true, nominatedBy: { select: { personId: true } } },
      });
      nominationOpen(e);
      if (c.kind !== 'RESIDENTS') refuse('election.noSeconding');
      if (c.status !== 'NOMINATED' && c.status !== 'LISTED') refuse('election.candidateGone');
      if (!personId || !(await inElectorate(tx, e, personId, by.today))) return refuse('election.notInElectorate');
      if (personId === c.personId) refuse('election.secondSelf');
      if (personId === c.nominatedBy.personId) refuse('election.secondOwn');
      if (await tx.candidateSeconder.count({ where: { candidateId, personId } })) refuse('election.alreadySeconded');
      await tx.candidateSeconder.create({ data: { candidateId, personId } });
      const seconders = await tx.candidateSeconder.count({ where: { candidateId } });
      const listed = c.status === 'NOMINATED' && seconders >= e.secondersNeeded;
      if (listed) await tx.electionCandidate.update({ where: { id: candidateId }, data: { status: 'LISTED' } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'election.second',
        entityType: 'ElectionCandidate',
        entityId: candidateId,
        after: { electionId, seconders, listed },
        communityId: e.communityId,
        compoundId: e.compoundId,
      });
      return { listed: listed || c.status === 'LISTED', seconders };
    });
  } catch (err) {
    if (isUnique(err)) refuse('election.alreadySeconded');
    throw err;
  }
}

/** The candidate withdraws (or a manager records it), before voting opens. */
export async function withdraw(by: TBy, candidateId: number): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { electionId } = await candidateOf(tx, candidateId);
    const { election: e, manages, personId } = await requireElection(by, electionId, 'read', { db: tx, lock: 'update' });
    const c = await tx.electionCandidate.findUniqueOrThrow({ where: { id: candidateId }, select: { personId: true, status: true } });
    if (!manages && c.personId !== personId) refuse('auth.forbidden');
    if (e.status !== 'NOMINATING' && e.status !== 'PUBLICISING') refuse('election.wrongState');
    if (c.status !== 'NOMINATED' && c.status !== 'LISTED') refuse('election.candidateGone');
    await tx.electionCandidate.update({ where: { id: candidateId }, data: { status: 'WITHDRAWN' } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'election.withdrawCandidate',
      entityType: 'ElectionCandidate',
      entityId: candidateId,
      before: { status: c.status },
      after: { electionId, status: 'WITHDRAWN', by: manages && c.personId !== personId ? 'manager' : 'candidate' },
      communityId: e.communityId,
      compoundId: e.compoundId,
    });
  });
}
