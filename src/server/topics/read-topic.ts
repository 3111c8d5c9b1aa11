import 'server-only';
import { ownedBy, ownerOf } from './task-owners';
import { diffChars } from 'diff';
import { scopesOf } from '@/domain/authz/can';
import { uncoveredYears } from '@/domain/calendar/working-calendar';
import { actsInStep } from '@/domain/topics/procedure';
import { openGates } from '@/domain/topics/transition';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { districtSettings } from '@/server/issues/district-settings';
import { chinaDay } from '@/server/today';
import { shownName } from '@/server/people/anonymity';
import { loadFacts } from './facts';
import { readableTopic } from './topic-core';
import { getFileStore } from '@/server/files/file-store';
import { motionResultView } from '@/server/votes/describe';

/** A text change between two plan versions, as runs of kept, added and removed text. */
export function planDiff(before: string, after: string) {
  return diffChars(before, after).map((p) => ({ text: p.value, op: p.added ? 'add' : p.removed ? 'del' : 'same' }) as const);
}

/**
 * A topic as this viewer may see it: procedure with the current step, what its gates still need,
 * timeline, stakeholders, suggestions (the author of an anonymous one never shown), plan versions with
 * the change from the previous one, records, motions with results, bids, tasks with updates, notices.
 */
type TPartyViewRecord = {
  kind: string;
  stepIndex: number;
  statement: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAmend: number | null;
};

/**
 * A party members' view on the timeline, as data the page words in its language (decision 058): the event's stored
 * message is Chinese. Its record is written with it, so the n-th PARTY_VIEW event of a step is that step's n-th record.
 */
function partyViewsOfEvents(events: { id: number; type: string; stepIndex: number }[], records: TPartyViewRecord[]) {
  const byStep = new Map<number, TPartyViewRecord[]>();
  for (const r of records) if (r.kind === 'PARTY_VIEW') byStep.set(r.stepIndex, [...(byStep.get(r.stepIndex) ?? []), r]);
  const out = new Map<number, { statement: string; counts: { for: number; against: number; amend: number } }>();
  for (const e of events) {
    const r = e.type === 'PARTY_VIEW' ? byStep.get(e.stepIndex)?.shift() : undefined;
    if (r)
      out.set(e.id, { statement: r.statement, counts: { for: r.votesFor ?? 0, against: r.votesAgainst ?? 0, amend: r.votesAmend ?? 0 } });
  }
  return out;
}

export async function getTopicForViewer(by: TBy, topicId: number) {
  const t = await readableTopic(by, topicId);
  if (!t) return null;
  const db = getDb();
  const id = topicId;
  const [facts, events, stakeholders, suggestions, plans, records, motions, bids, tasks, notices, issues, place] = await Promise.all([
    loadFacts(db, t.topic),
    db.topicEvent.findMany({ where: { topicId: id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    db.stakeholder.findMany({ where: { topicId: id }, orderBy: { id: 'asc' }, select: { id: true, group: true, label: true } }),
    db.suggestion.findMany({ where: { topicId: id }, orderBy: { id: 'asc' } }),
    db.planVersion.findMany({ where: { topicId: id }, orderBy: { version: 'asc' } }),
    db.topicRecord.findMany({ where: { topicId: id }, orderBy: { id: 'asc' } }),
    db.motion.findMany({ where: { topicId: id }, orderBy: { id: 'asc' } }),
    db.bid.findMany({ where: { topicId: id }, orderBy: { amountFen: 'asc' } }),
    db.topicTask.findMany({ where: { topicId: id }, orderBy: { id: 'asc' }, include: { updates: { orderBy: { id: 'asc' } } } }),
    db.notice.findMany({ where: { topicId: id }, orderBy: { id: 'asc' } }),
    db.issue.findMany({ where: { topicId: id }, select: { id: true, title: true, state: true } }),
    db.community.findUnique({
      where: { id: t.topic.communityId },
      select: { name: true, compounds: { where: { id: t.topic.compoundId ?? -1 }, select: { name: true } } },
    }),
  ]);
  const partyViews = partyViewsOfEvents(events, records);
  const me = await db.user.findUnique({ where: { id: by.userId }, select: { personId: true } });
  const mine = new Set(
    me
      ? (await db.topicTask.findMany({ where: { topicId: id, ...ownedBy(by.userId, me.personId, by.today) }, select: { id: true } })).map(
          (k) => k.id,
        )
      : [],
  );
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: suggestions.flatMap((s) => (s.authorUserId ? [s.authorUserId] : [])) } },
        select: { id: true, person: { select: { name: true } } },
      })
    ).map((u) => [u.id, u.person.name]),
  );
  const bodies = new Map(
    (
      await db.body.findMany({
        where: { id: { in: motions.flatMap((m) => (m.bodyId ? [m.bodyId] : [])) } },
        select: { id: true, name: true },
      })
    ).map((b) => [b.id, b.name]),
  );
  const runs = actsInStep(t.step, t.actors);
  // The step's due day in a year whose holidays the district's calendar does not know: those running it are told.
  const dueYears =
    runs && t.topic.status === 'OPEN'
      ? uncoveredYears([chinaDay(t.topic.stepDueAt)], (await districtSettings(t.topic.districtId)).calendar)
      : [];
  // A result is shown once it may be (hidden or secret ballots only after close), as data the page renders in its language.
  const views = new Map(
    motions.map((m) => [
      m.id,
      m.status === 'OPEN' && (m.hideResults || m.secret) ? null : motionResultView(m, m.bodyId ? (bodies.get(m.bodyId) ?? null) : null),
    ]),
  );
  // What was entered by mistake may be withdrawn by those running the step, until it is published (see withdraw.ts).
  const lastNotice = Math.max(0, ...notices.map((n) => n.publishedAt.getTime()));
  const withdrawable = (x: { withdrawnAt: Date | null; createdAt: Date }, atStep: boolean) =>
    runs && atStep && t.topic.status === 'OPEN' && x.withdrawnAt === null && x.createdAt.getTime() > lastNotice;
  const withdrawal = (x: { withdrawnAt: Date | null; withdrawReason: string | null }) => ({
    withdrawnAt: x.withdrawnAt,
    withdrawReason: x.withdrawReason,
  });
  return {
    id: t.topic.id,
    title: t.topic.title,
    description: t.topic.description,
    status: t.topic.status,
    stepIndex: t.topic.stepIndex,
    stepDueAt: t.topic.stepDueAt,
    dueUncovered: { years: dueYears, districtId: t.topic.districtId },
    lockVersion: t.topic.lockVersion,
    assemblyMatter: t.topic.assemblyMatter,
    actualCostFen: t.topic.actualCostFen,
    place: { community: place?.name ?? '', compound: place?.compounds[0]?.name ?? null },
    procedure: {
      code: t.procedure.code,
      name: t.topic.procedure.nameZh,
      nameEn: t.topic.procedure.nameEn,
      version: t.topic.procedure.version,
      steps: t.procedure.steps,
    },
    gates: openGates(t.procedure, t.topic, facts),
    events: events.map((e) => {
      const view = partyViews.get(e.id);
      return {
        id: e.id,
        at: e.at,
        actor: e.actorLabel,
        type: e.type,
        stepIndex: e.stepIndex,
        message: view ? view.statement : e.message,
        result: e.motionId ? (views.get(e.motionId) ?? null) : null,
        partyView: view ? view.counts : null,
      };
    }),
    stakeholders,
    suggestions: suggestions.map((s) => ({
      id: s.id,
      stance: s.stance,
      body: s.body,
      at: s.createdAt,
      stepIndex: s.stepIndex,
      // The author of an anonymous suggestion is known to nobody but the author.
      by: shownName(by.userId, {
        userId: s.authorUserId,
        anonymous: s.anonymous,
        name: s.onBehalfName ? `${s.onBehalfName}（工作人员代记）` : (names.get(s.authorUserId ?? -1) ?? ''),
      }),
    })),
    plans: plans.map((p, i) => ({
      id: p.id,
      version: p.version,
      title: p.title,
      body: p.body,
      convention: p.convention,
      budgetFen: p.budgetFen,
      funding: p.funding as { source: string; amountFen: number }[],
      frozen: p.frozenAt !== null,
      at: p.createdAt,
      diff: i > 0 ? planDiff(`${plans[i - 1]!.title}\n${plans[i - 1]!.body}`, `${p.title}\n${p.body}`) : null,
    })),
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      stepIndex: r.stepIndex,
      statement: r.statement,
      participants: r.participants,
      heldOn: r.heldOn,
      planVersionId: r.planVersionId,
      view: r.kind === 'PARTY_VIEW' ? { for: r.votesFor ?? 0, against: r.votesAgainst ?? 0, amend: r.votesAmend ?? 0 } : null,
      ...withdrawal(r),
      withdrawable: withdrawable(r, r.stepIndex === t.topic.stepIndex),
    })),
    motions: motions.map((m) => ({
      id: m.id,
      stepIndex: m.stepIndex,
      body: m.bodyId ? (bodies.get(m.bodyId) ?? '') : null,
      voters: m.voters,
      rule: m.rule,
      roster: m.roster.length,
      status: m.status,
      mode: m.mode,
      result: m.status === 'OPEN' && (m.hideResults || m.secret) ? null : m.result,
      view: views.get(m.id) ?? null,
    })),
    bids: bids.map((b) => ({ id: b.id, contractor: b.contractor, amountFen: b.amountFen, note: b.note, chosen: b.chosen })),
    tasks: tasks.map((k) => ({
      id: k.id,
      /** Has an owner (decision 048): only the owner's accounts report on it. */
      owned: ownerOf(k) !== null,
      /** The viewer acts for the owner: they report progress and ask for acceptance, and do not accept it. */
      mine: mine.has(k.id),
      title: k.title,
      responsible: k.responsible,
      dueOn: k.dueOn,
      status: k.status,
      ...withdrawal(k),
      withdrawable: withdrawable(k, t.step.activity === 'TASKS'),
      updates: k.updates.map((u) => ({
        id: u.id,
        kind: u.kind,
        body: u.body,
        by: u.authorLabel,
        at: u.createdAt,
        photos: u.photoKeys.length,
      })),
    })),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      publishedAt: n.publishedAt,
      stepIndex: n.stepIndex,
    })),
    issues,
    expenses: await db.expense.count({ where: { topicId: id } }),
    partyOnly: t.topic.partyOnly,
    liaison: t.topic.liaisonUserId ? await liaisonOf(t.topic.liaisonUserId) : null,
    viewer: { actors: [...t.actors], runsStep: runs, manages: t.actors.has('COMMUNITY_STAFF') || t.actors.has('BRANCH') },
  };
}

const liaisonOf = async (userId: number) =>
  getDb().user.findUnique({ where: { id: userId }, select: { id: true, person: { select: { name: true } } } });

/** Topics at these scopes, by the place column each scope's level names. */
const atScopes = (scopes: { level: string; id: number }[]) =>
  scopes.map((s) =>
    s.level === 'district'
      ? { districtId: s.id }
      : s.level === 'street'
        ? { streetId: s.id }
        : s.level === 'community'
          ? { communityId: s.id }
          : s.level === 'compound'
            ? { compoundId: s.id }
            : { compoundId: -1 },
  );

/**
 * Topics this user may see: where they read topics, where they live, and those they follow — except those in a
 * party-members-first step, seen only where the user holds topic.partyFirst and by their liaison (decision 052).
 */
export async function listTopics(by: TBy) {
  const db = getDb();
  const scopes = scopesOf(by.actor, 'topic.read', by.today);
  const partyScopes = scopesOf(by.actor, 'topic.partyFirst', by.today);
  const homes = by.actor.grants.filter((g) => g.place.level === 'building' && g.role === 'RESIDENT').map((g) => g.place.id);
  const homePlaces = homes.length
    ? await db.building.findMany({
        where: { id: { in: homes } },
        select: { compoundId: true, compound: { select: { communityId: true } } },
      })
    : [];
  const or = [
    ...atScopes(scopes),
    ...homePlaces.flatMap((h) => [{ compoundId: h.compoundId }, { communityId: h.compound.communityId, compoundId: null }]),
    { followers: { some: { userId: by.userId } } },
    ...(partyScopes.length ? [{ partyOnly: true, OR: atScopes(partyScopes) }] : []),
    { liaisonUserId: by.userId },
  ];
  return db.topic.findMany({
    where: { OR: or, AND: [{ OR: [{ partyOnly: false }, ...atScopes(partyScopes), { liaisonUserId: by.userId }] }] },
    orderBy: [{ status: 'asc' }, { stepDueAt: 'asc' }],
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      stepIndex: true,
      stepDueAt: true,
      procedure: { select: { steps: true, nameZh: true, nameEn: true } },
    },
  });
}

/** A progress photo's bytes, for someone who may read the topic; null otherwise. */
export async function getTaskPhoto(by: TBy, topicId: number, updateId: number, n: number) {
  if (!(await readableTopic(by, topicId))) return null;
  const u = await getDb().taskUpdate.findFirst({ where: { id: updateId, task: { topicId } }, select: { photoKeys: true } });
  const key = u?.photoKeys[n];
  return key ? getFileStore().get(key) : null;
}
