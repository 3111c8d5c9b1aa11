import 'server-only';
import { lower } from '@/domain/audit/actions';
import { transition, type TIssueEvent } from '@/domain/issues/lifecycle';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { loadActor } from '@/server/auth/actor';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { inForceOn } from '@/server/today';
import { partyNames, roleOn, type TIssueRow } from './handler-parties';
import { issueAncestry, standing } from './handlers';
import { notify } from './notify';

/** The steps beside the state machine (decision 050): the state and the deadlines stay; each is a timeline event. */
export type TSideStep = Extract<TIssueEvent, { type: 'HAND_OFF' | 'ADD_CO_HANDLER' | 'REMOVE_CO_HANDLER' | 'ESTIMATE' | 'CONSULT' }>;
/** Whom an issue is handed to, or who is added beside its handler: an account, the compound's firm, its owners' committee. */
export type THandlerTarget = { kind: 'user'; userId: number } | { kind: 'firm' } | { kind: 'committee' };
export type TConsultationAnswer = 'AGREE' | 'DISAGREE' | 'NO_VIEW';

const issueSelect = {
  id: true,
  state: true,
  level: true,
  reopenCount: true,
  rating: true,
  title: true,
  assigneeUserId: true,
  buildingId: true,
  compoundId: true,
  communityId: true,
  mergedIntoId: true,
  followers: { select: { userId: true } },
} as const;

/** Loads the issue, checks the step with the state machine, and runs `write` in one transaction with the issue locked. */
async function sideStep<T>(
  by: TBy,
  issueId: number,
  step: TSideStep,
  write: (tx: TTx, issue: TIssueRow) => Promise<T>,
  inTx?: TTx,
): Promise<T> {
  const db = inTx ?? getDb();
  const issue = await db.issue.findUnique({ where: { id: issueId }, select: issueSelect });
  if (!issue || issue.mergedIntoId) return refuse('auth.forbidden');
  const role = await roleOn(db, by, issue);
  if (role === 'OTHER') return refuse('auth.forbidden');
  const result = transition(issue.state, step, { role, level: issue.level, reopenCount: issue.reopenCount, lastRating: issue.rating });
  if (!result.ok) return refuse(result.code);
  const locked = async (tx: TTx) => {
    // Two steps at once on one issue run one after the other, each on the state it was decided on.
    const [row] = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM "Issue" WHERE id = ${issueId} FOR UPDATE`;
    if (row?.state !== issue.state) refuse('issue.changedMeanwhile');
    return write(tx, issue);
  };
  // A seed stage passes its transaction (`inTx`); a request gets one of its own.
  return inTx ? locked(inTx) : getDb().$transaction(locked);
}

/** A target as a party, with its name and the accounts it stands for; refused unless it may handle this issue. */
async function resolveTarget(tx: TTx, issue: TIssueRow, target: THandlerTarget, today: string) {
  if (target.kind === 'user') {
    const user = await tx.user.findUnique({
      where: { id: target.userId },
      select: { disabledAt: true, person: { select: { name: true } } },
    });
    const ancestry = await issueAncestry(issue, tx);
    const actor = user && !user.disabledAt ? await loadActor(target.userId, tx) : null;
    if (!actor || !ancestry || !standing(actor, ancestry, issue.level, today)) return refuse('issue.noSuchHandler');
    return { party: `user:${target.userId}`, name: user!.person.name, userIds: [target.userId] };
  }
  if (issue.compoundId === null) return refuse('issue.noSuchHandler');
  if (target.kind === 'firm') {
    // The firm serving the compound today, through its staff accounts.
    const a = await tx.organizationAssignment.findFirst({
      where: { compoundId: issue.compoundId, relation: 'PROPERTY_SERVICE', ...inForceOn(today), organization: { kind: 'PROPERTY_FIRM' } },
      orderBy: { id: 'desc' },
      select: { organization: { select: { id: true, name: true } } },
    });
    if (!a) return refuse('issue.noSuchHandler');
    const party = `org:${a.organization.id}`;
    return { party, name: a.organization.name, userIds: await accountsOf(tx, party, today) };
  }
  const body = await tx.body.findFirst({
    where: { compoundId: issue.compoundId, kind: 'OWNERS_COMMITTEE' },
    orderBy: { id: 'desc' },
    select: { id: true, name: true },
  });
  if (!body) return refuse('issue.noSuchHandler');
  const party = `body:${body.id}`;
  return { party, name: body.name, userIds: await accountsOf(tx, party, today) };
}

/** The accounts a party stands for today: the account; a firm's staff who have not left; a body's members in term. */
async function accountsOf(tx: TTx, party: string, today: string): Promise<number[]> {
  const [kind, raw] = party.split(':');
  const id = Number(raw);
  if (kind === 'user') return [id];
  const person =
    kind === 'org'
      ? { organizationRoles: { some: { organizationId: id, staff: true, leftOn: null } } }
      : { bodyPositions: { some: { bodyId: id, ...inForceOn(today) } } };
  return (await tx.user.findMany({ where: { disabledAt: null, person }, select: { id: true } })).map((u) => u.id);
}

/** Whom to remind of an issue's deadline: its assignee, and the accounts of its lead firm or committee (decision 050). */
export async function reminded(tx: TTx, issue: { id: number; assigneeUserId: number | null }, today: string) {
  const lead = await tx.issueHandler.findFirst({ where: { issueId: issue.id, lead: true }, select: { party: true } });
  return [issue.assigneeUserId, ...(lead ? await accountsOf(tx, lead.party, today) : [])];
}

async function record(
  tx: TTx,
  by: TBy,
  issue: TIssueRow,
  step: { type: TSideStep['type']; message: string | null; amountFen?: number },
  audit: { before?: object; after: object },
) {
  await tx.issueEvent.create({
    data: {
      issueId: issue.id,
      actorUserId: by.userId,
      actorLabel: by.label,
      type: step.type,
      fromState: issue.state,
      toState: issue.state,
      level: issue.level,
      message: step.message,
      amountFen: step.amountFen ?? null,
    },
  });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: `issue.${lower(step.type)}`,
    entityType: 'Issue',
    entityId: issue.id,
    before: audit.before,
    after: audit.after,
    communityId: issue.communityId,
    compoundId: issue.compoundId,
  });
}

const withNote = (name: string, note?: string) => (note?.trim() ? `${name}：${note.trim()}` : name);

/**
 * Hands the issue sideways (decision 050): the target becomes its handler (the lead row; a person also its assignee);
 * the previous handler stays on as a co-handler unless they choose otherwise. The clock is the issue's: no deadline moves.
 */
export async function handOff(by: TBy, issueId: number, input: { to: THandlerTarget; keepPrevious: boolean; note?: string }, inTx?: TTx) {
  await sideStep(
    by,
    issueId,
    { type: 'HAND_OFF', to: input.to.kind },
    async (tx, issue) => {
      const target = await resolveTarget(tx, issue, input.to, by.today);
      const lead = await tx.issueHandler.findFirst({ where: { issueId, lead: true } });
      if (lead?.party === target.party || (!lead && input.to.kind === 'user' && issue.assigneeUserId === input.to.userId))
        refuse('issue.handlerAlready');
      if (lead) {
        if (input.keepPrevious) await tx.issueHandler.update({ where: { id: lead.id }, data: { lead: false } });
        else await tx.issueHandler.delete({ where: { id: lead.id } });
      } else if (input.keepPrevious && issue.assigneeUserId !== null) {
        await tx.issueHandler.createMany({
          data: [{ issueId, party: `user:${issue.assigneeUserId}`, addedById: by.userId }],
          skipDuplicates: true,
        });
      }
      await tx.issueHandler.upsert({
        where: { issueId_party: { issueId, party: target.party } },
        create: { issueId, party: target.party, lead: true, addedById: by.userId },
        update: { lead: true },
      });
      await tx.issue.update({ where: { id: issueId }, data: { assigneeUserId: input.to.kind === 'user' ? input.to.userId : null } });
      const message = withNote(target.name, input.note);
      await record(tx, by, issue, { type: 'HAND_OFF', message }, { before: { lead: lead?.party ?? null }, after: { lead: target.party } });
      await notify(
        tx,
        target.userIds.filter((u) => u !== by.userId),
        { kind: 'issue.hand_off', issueId, title: issue.title, body: message },
      );
      await notify(
        tx,
        issue.followers.map((f) => f.userId),
        { kind: 'issue.hand_off', issueId, title: issue.title, body: target.name },
      );
    },
    inTx,
  );
}

/** Adds a co-handler: they see the issue in their queue and may act on it. Two adds at once store one row. */
export async function addCoHandler(by: TBy, issueId: number, to: THandlerTarget, inTx?: TTx) {
  await sideStep(
    by,
    issueId,
    { type: 'ADD_CO_HANDLER', who: to.kind },
    async (tx, issue) => {
      const target = await resolveTarget(tx, issue, to, by.today);
      if (to.kind === 'user' && issue.assigneeUserId === to.userId) refuse('issue.coHandlerAlready');
      await tx.issueHandler.create({ data: { issueId, party: target.party, addedById: by.userId } });
      await record(tx, by, issue, { type: 'ADD_CO_HANDLER', message: target.name }, { after: { coHandler: target.party } });
      await notify(
        tx,
        target.userIds.filter((u) => u !== by.userId),
        { kind: 'issue.add_co_handler', issueId, title: issue.title, body: '' },
      );
    },
    inTx,
  ).catch((e: { code?: string }) => (e.code === 'P2002' ? refuse('issue.coHandlerAlready') : Promise.reject(e)));
}

/** Removes a co-handler (not the handler: hand the issue on instead). */
export async function removeCoHandler(by: TBy, issueId: number, party: string) {
  await sideStep(by, issueId, { type: 'REMOVE_CO_HANDLER', who: party }, async (tx, issue) => {
    const row = await tx.issueHandler.findUnique({ where: { issueId_party: { issueId, party } } });
    if (!row || row.lead) return refuse('issue.noSuchHandler');
    await tx.issueHandler.delete({ where: { id: row.id } });
    const names = await partyNames(tx, [party]);
    await record(
      tx,
      by,
      issue,
      { type: 'REMOVE_CO_HANDLER', message: names.get(party) ?? party },
      { before: { coHandler: party }, after: {} },
    );
  });
}

/** A cost estimate in fen with a note; a revision is another estimate on the timeline, the latest counts. */
export async function recordEstimate(by: TBy, issueId: number, input: { amountFen: number; note: string }, inTx?: TTx) {
  await sideStep(
    by,
    issueId,
    { type: 'ESTIMATE', ...input },
    async (tx, issue) => {
      await record(tx, by, issue, { type: 'ESTIMATE', message: input.note.trim() || null, amountFen: input.amountFen }, { after: input });
    },
    inTx,
  );
}

/** Opens a quick written consultation of the owners of the issue's building, closing `hours` from now. */
export async function openConsultation(by: TBy, issueId: number, input: { question: string; hours: number }, inTx?: TTx) {
  return sideStep(
    by,
    issueId,
    { type: 'CONSULT', ...input },
    async (tx, issue) => {
      if (issue.buildingId === null) return refuse('issue.noBuilding');
      const now = new Date();
      if (await tx.issueConsultation.count({ where: { issueId, closesAt: { gt: now } } })) refuse('issue.consultationOpen');
      const question = input.question.trim();
      const c = await tx.issueConsultation.create({
        data: {
          issueId,
          buildingId: issue.buildingId,
          question,
          closesAt: new Date(now.getTime() + input.hours * 3600_000),
          openedById: by.userId,
        },
      });
      await record(tx, by, issue, { type: 'CONSULT', message: question }, { after: { consultationId: c.id, hours: input.hours } });
      const owners = await tx.user.findMany({
        where: { disabledAt: null, person: { ownerships: { some: { household: { buildingId: issue.buildingId } } } } },
        select: { id: true },
      });
      await notify(
        tx,
        owners.map((o) => o.id),
        { kind: 'issue.consult', issueId, title: issue.title, body: question },
      );
      return { consultationId: c.id };
    },
    inTx,
  );
}

/** Whether the account's person owns a unit in the building. */
export async function ownsInBuilding(db: TTx, userId: number, buildingId: number | null) {
  if (buildingId === null) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { personId: true } });
  return !!user && (await db.ownership.count({ where: { personId: user.personId, household: { buildingId } } })) > 0;
}

/** An owner of the building answers, once (the database keeps one answer per owner, however many accounts or units). */
export async function answerConsultation(by: TBy, consultationId: number, answer: TConsultationAnswer, inTx?: TTx) {
  const db = inTx ?? getDb();
  const c = await db.issueConsultation.findUnique({
    where: { id: consultationId },
    select: { id: true, issueId: true, buildingId: true, closesAt: true },
  });
  if (!c) return refuse('auth.forbidden');
  if (!(await ownsInBuilding(db, by.userId, c.buildingId))) return refuse('issue.notBuildingOwner');
  if (c.closesAt <= new Date()) return refuse('issue.consultationClosed');
  const { personId } = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const place = await db.issue.findUniqueOrThrow({ where: { id: c.issueId }, select: { communityId: true, compoundId: true } });
  const write = async (tx: TTx) => {
    await tx.issueConsultationAnswer.create({ data: { consultationId, personId, userId: by.userId, answer } });
    // Who answered is audited; what they answered is counted, not listed.
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'issue.consultAnswer',
      entityType: 'IssueConsultation',
      entityId: consultationId,
      after: {},
      communityId: place.communityId,
      compoundId: place.compoundId,
    });
  };
  await (inTx ? write(inTx) : getDb().$transaction(write)).catch((e: { code?: string }) =>
    e.code === 'P2002' ? refuse('issue.answeredAlready') : Promise.reject(e),
  );
}

/**
 * What the hand-off and co-handler forms offer for this issue: the compound's firm, its owners' committee, and the
 * accounts handling issues at its building, compound and community today (the use case checks the choice again).
 */
export async function handlerChoices(issue: { buildingId: number | null; compoundId: number | null; communityId: number }, today: string) {
  const db = getDb();
  const firm = issue.compoundId
    ? await db.organizationAssignment.findFirst({
        where: { compoundId: issue.compoundId, relation: 'PROPERTY_SERVICE', ...inForceOn(today), organization: { kind: 'PROPERTY_FIRM' } },
        orderBy: { id: 'desc' },
        select: { organization: { select: { name: true } } },
      })
    : null;
  const committee = issue.compoundId
    ? await db.body.findFirst({
        where: { compoundId: issue.compoundId, kind: 'OWNERS_COMMITTEE' },
        orderBy: { id: 'desc' },
        select: { name: true },
      })
    : null;
  const places = [
    ...(issue.buildingId ? [{ placeLevel: 'BUILDING' as const, placeId: issue.buildingId, role: { in: ['BUILDING_HEAD' as const] } }] : []),
    ...(issue.compoundId
      ? [{ placeLevel: 'COMPOUND' as const, placeId: issue.compoundId, role: { in: ['BRANCH_SECRETARY' as const] } }]
      : []),
    {
      placeLevel: 'COMMUNITY' as const,
      placeId: issue.communityId,
      role: { in: ['GRID_WORKER' as const, 'COMMUNITY_SECRETARY' as const, 'RESIDENTS_COMMITTEE_STAFF' as const] },
    },
  ];
  const grants = await db.roleGrant.findMany({
    where: { revokedAt: null, ...inForceOn(today), user: { disabledAt: null }, OR: places },
    orderBy: { id: 'asc' },
    take: 50,
    select: { userId: true, user: { select: { person: { select: { name: true } } } } },
  });
  const people = [...new Map(grants.map((g) => [g.userId, g.user.person.name])).entries()];
  return [
    ...(firm ? [{ value: 'firm', label: firm.organization.name }] : []),
    ...(committee ? [{ value: 'committee', label: committee.name }] : []),
    ...people.map(([id, name]) => ({ value: `user:${id}`, label: name })),
  ];
}
