import 'server-only';
import type { TElectionResult } from '@/domain/elections/count';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { UseCaseError } from '@/server/errors';
import { fromDateOnly, todayDateOnly } from '@/server/today';
import { personOf, requireElection } from './access';
import { candidateNames, describeElectionResult, type TLocale } from './result';

/**
 * What the voting half of the election page shows (decision 069). An elector: the listed candidates and their ballot
 * form, or that they voted (with their choices only on an open ballot). Those running it: the roll's size, ballots
 * cast, who has not voted yet (to enter paper ballots — never how anyone voted), the buttons of the next step, the
 * count in words. Everyone who may read the election: the result once published. Someone on the roll who does not
 * otherwise read the election (an owner without a verified home) still sees their ballot.
 */
export async function votingView(by: TBy, electionId: number, locale: TLocale = 'zh-CN') {
  const db = getDb();
  let manages = false;
  try {
    manages = (await requireElection(by, electionId, 'read')).manages;
  } catch (e) {
    if (!(e instanceof UseCaseError)) throw e;
  }
  const personId = await personOf(by);
  const e = await db.election.findUnique({ where: { id: electionId } });
  if (!e) return null;
  const mine = personId
    ? await db.electionVoter.findUnique({ where: { electionId_voterKey: { electionId, voterKey: personId } }, include: { ballot: true } })
    : null;
  if (!manages && !mine) {
    // Not on the roll: readable only through the gate.
    try {
      await requireElection(by, electionId, 'read');
    } catch (err) {
      if (err instanceof UseCaseError) return null;
      throw err;
    }
  }
  const candidates = (
    await db.electionCandidate.findMany({
      where: { electionId, status: 'LISTED' },
      orderBy: [{ listOrder: 'asc' }, { id: 'asc' }],
      select: { id: true, statement: true, elected: true, person: { select: { name: true } } },
    })
  ).map((c) => ({ id: c.id, name: c.person.name, statement: c.statement, elected: c.elected }));
  const nameOf = new Map(candidates.map((c) => [c.id, c.name]));
  // A resident of a household whose vote someone else casts is told who (HOUSEHOLDS).
  let householdVoter: string | null = null;
  if (!mine && personId && e.electorate === 'HOUSEHOLDS' && e.status === 'VOTING') {
    const homes = await db.residency.findMany({
      where: { personId, OR: [{ until: null }, { until: { gte: todayDateOnly() } }] },
      select: { householdId: true },
    });
    const v = await db.electionVoter.findFirst({
      where: { electionId, householdId: { in: homes.map((h) => h.householdId) } },
      select: { voterKey: true },
    });
    if (v) householdVoter = (await db.person.findUnique({ where: { id: v.voterKey }, select: { name: true } }))?.name ?? null;
  }
  const ballot = mine?.ballot
    ? { castAt: mine.ballot.castAt, choices: e.secret ? null : mine.ballot.choices.map((id) => nameOf.get(id) ?? `#${id}`) }
    : null;

  const result = e.result as unknown as TElectionResult | null;
  const showResult = !!result && (e.status === 'DONE' || manages);
  const words = showResult
    ? describeElectionResult(
        result!,
        await candidateNames(db, [e.id]),
        { from: fromDateOnly(e.termStartsOn), to: fromDateOnly(e.termEndsOn) },
        locale,
      )
    : null;

  let desk = null;
  if (manages) {
    const roll = await db.electionVoter.findMany({
      where: { electionId },
      select: { voterKey: true, areaCentiM2: true, householdId: true, ballot: { select: { channel: true } } },
    });
    const pendingKeys = roll.filter((r) => !r.ballot).map((r) => r.voterKey);
    desk = {
      roll: roll.length,
      rollArea: roll.reduce((a, r) => a + r.areaCentiM2, 0),
      cast: roll.filter((r) => r.ballot).length,
      paper: roll.filter((r) => r.ballot?.channel === 'PAPER').length,
      pending: e.status === 'VOTING' ? await voterLabels(e, pendingKeys, roll) : [],
      runoffId: (await db.election.findUnique({ where: { runoffOfId: e.id }, select: { id: true } }))?.id ?? null,
    };
  }
  return {
    id: e.id,
    status: e.status,
    round: e.round,
    secret: e.secret,
    owners: e.electorate === 'OWNERS',
    maxChoices: e.maxChoices,
    votingEndsAt: e.votingEndsAt,
    runoffOfId: e.runoffOfId,
    candidates,
    viewer: { onRoll: !!mine, householdVoter, ballot, manages },
    result: words ? { words, code: result!.code, runoff: result!.runoff } : null,
    tallyHash: showResult ? e.tallyHash : null,
    desk,
  };
}

/** "1栋1单元101 张三" for each elector not yet voted, sorted by where they live (to find the one holding a paper ballot). */
async function voterLabels(
  e: { electorate: string; compoundId: number | null },
  keys: number[],
  roll: { voterKey: number; householdId: number | null }[],
) {
  const db = getDb();
  const people = new Map(
    (await db.person.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  );
  const homeOf = new Map<number, number>();
  for (const r of roll) if (r.householdId) homeOf.set(r.voterKey, r.householdId);
  const missing = keys.filter((k) => !homeOf.has(k) && k !== 0);
  const links =
    e.electorate === 'OWNERS'
      ? await db.ownership.findMany({
          where: { personId: { in: missing }, ...(e.compoundId ? { household: { building: { compoundId: e.compoundId } } } : {}) },
          select: { personId: true, householdId: true },
          orderBy: { householdId: 'asc' },
        })
      : await db.residency.findMany({
          where: { personId: { in: missing } },
          select: { personId: true, householdId: true },
          orderBy: { householdId: 'asc' },
        });
  for (const l of links) if (!homeOf.has(l.personId)) homeOf.set(l.personId, l.householdId);
  const homes = new Map(
    (
      await db.household.findMany({
        where: { id: { in: [...new Set(homeOf.values())] } },
        select: { id: true, unitNo: true, roomNo: true, building: { select: { name: true } } },
      })
    ).map((h) => [h.id, `${h.building.name}${h.unitNo}单元${h.roomNo}`]),
  );
  return keys
    .map((k) => ({ key: k, where: homes.get(homeOf.get(k) ?? -1) ?? '', name: k === 0 ? null : (people.get(k) ?? '') }))
    .sort((a, b) => a.where.localeCompare(b.where, 'zh-CN') || a.key - b.key);
}

export type TVotingView = NonNullable<Awaited<ReturnType<typeof votingView>>>;
