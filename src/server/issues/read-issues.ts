import 'server-only';
import { issueAncestry } from './handlers';
import { can, scopesOf } from '@/domain/authz/can';
import { uncoveredYears } from '@/domain/calendar/working-calendar';
import { maskPhone } from '@/domain/shared/phone';
import type { TBy } from '@/server/accounts/by';
import { compoundWhere } from '@/server/accounts/scope';
import { getDb } from '@/server/db';
import { REPORTER_LABEL, shownName } from '@/server/people/anonymity';
import { districtCategories, districtSettings } from './district-settings';
import { getFileStore } from '@/server/files/file-store';
import { chinaDay } from '@/server/today';
import { handledByWhere, handlesThisIssue, partyNames } from './handler-parties';
import { handlerChoices, ownsInBuilding } from './handoff';

const issueSelect = {
  id: true,
  title: true,
  description: true,
  state: true,
  level: true,
  anonymous: true,
  unverified: true,
  authorUserId: true,
  assigneeUserId: true,
  mergedIntoId: true,
  acknowledgeBy: true,
  resolveBy: true,
  rating: true,
  ratingComment: true,
  reopenCount: true,
  createdAt: true,
  communityId: true,
  districtId: true,
  reporterName: true,
  reporterPhone: true,
  channel: true,
  mediaUrl: true,
  enteredById: true,
  topicId: true,
  category: { select: { code: true, nameZh: true, nameEn: true } },
  events: {
    orderBy: { at: 'asc' as const },
    select: {
      id: true,
      at: true,
      actorUserId: true,
      actorLabel: true,
      type: true,
      toState: true,
      level: true,
      message: true,
      amountFen: true,
    },
  },
  followers: { select: { userId: true } },
} as const;

/**
 * One issue as this viewer may see it: its reporters see everything; staff who may read issues there
 * see it without the author of an anonymous issue — no name, no phone, no user id, anywhere in the result.
 */
export async function getIssueForViewer(by: TBy, issueId: number) {
  const db = getDb();
  const issue = await db.issue.findUnique({ where: { id: issueId }, select: { ...issueSelect, buildingId: true, compoundId: true } });
  if (!issue) return null;
  const isReporter = issue.followers.some((f) => f.userId === by.userId);
  const ancestry = await issueAncestry(issue);
  // Its handler and co-handlers read it like staff, this issue only (decision 050).
  const isHandler = await handlesThisIssue(db, by, issueId);
  const isStaff = (!!ancestry && can(by.actor, 'issue.read', { ancestry }, by.today)) || isHandler;
  const handles = !!ancestry && can(by.actor, 'issue.handle', { ancestry }, by.today);
  // An owner of the building asked in a consultation reads it as a resident: never who reported it.
  const consulted =
    (await db.issueConsultation.count({ where: { issueId } })) > 0 && (await ownsInBuilding(db, by.userId, issue.buildingId));
  if (!isReporter && !isStaff && !consulted) return null;
  const place = await db.compound.findUnique({
    where: { id: issue.compoundId ?? -1 },
    select: { name: true, community: { select: { name: true } } },
  });
  const building = issue.buildingId ? await db.building.findUnique({ where: { id: issue.buildingId }, select: { name: true } }) : null;
  const hideAuthor = issue.anonymous && issue.authorUserId !== by.userId;
  // Deadlines in a year whose holidays the district's calendar does not know: staff are told (decision 040).
  const calendar = isStaff ? (await districtSettings(issue.districtId)).calendar : null;
  const dueYears = calendar ? uncoveredYears([chinaDay(issue.acknowledgeBy), chinaDay(issue.resolveBy)], calendar) : [];
  const photos = await db.issuePhoto.findMany({
    where: { issueId },
    orderBy: { id: 'asc' },
    select: { id: true, width: true, height: true },
  });
  const account =
    hideAuthor || !issue.authorUserId
      ? null
      : await db.user.findUnique({ where: { id: issue.authorUserId }, select: { phone: true, person: { select: { name: true } } } });
  // A resident without an account (walk-in, hotline caller) is kept as a name and number.
  const author =
    account ??
    (!hideAuthor && issue.reporterName && issue.reporterPhone
      ? { phone: issue.reporterPhone, person: { name: issue.reporterName } }
      : null);
  const followerIds = new Set(issue.followers.map((f) => f.userId));
  const isAuthor = issue.authorUserId !== null && issue.authorUserId === by.userId;
  // Recorded by a contact-chain keeper (代为反映, decision 051): the keeper is named; they did it.
  const recordedBy =
    issue.channel === 'CONTACT' && issue.enteredById
      ? ((await db.user.findUnique({ where: { id: issue.enteredById }, select: { person: { select: { name: true } } } }))?.person.name ??
        null)
      : null;
  const seesPhones = isStaff && !!ancestry && can(by.actor, 'phone.read', { ancestry }, by.today);
  return {
    id: issue.id,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    level: issue.level,
    anonymous: issue.anonymous,
    unverified: issue.unverified,
    category: issue.category,
    acknowledgeBy: issue.acknowledgeBy,
    resolveBy: issue.resolveBy,
    dueUncovered: { years: dueYears, districtId: issue.districtId },
    rating: issue.rating,
    ratingComment: issue.ratingComment,
    reopenCount: issue.reopenCount,
    createdAt: issue.createdAt,
    place: { compound: place?.name ?? null, community: place?.community.name ?? null, building: building?.name ?? null },
    // Only the author and staff learn who raised it (other followers, e.g. reporters of merged duplicates, do not).
    author: hideAuthor
      ? { name: shownName(by.userId, { userId: issue.authorUserId, name: '', anonymous: true }), phone: null }
      : author && (isStaff || issue.authorUserId === by.userId)
        ? { name: author.person.name, phone: seesPhones || isAuthor ? author.phone : maskPhone(author.phone) }
        : null,
    mergedIntoId: issue.mergedIntoId,
    // A follower who is not the author (a merged duplicate's reporter) sees other reporters' steps as "反映人".
    events: issue.events.map((e) => ({
      id: e.id,
      at: e.at,
      type: e.type,
      toState: e.toState,
      level: e.level,
      message: e.message,
      amountFen: e.amountFen,
      actor:
        !isStaff && !isAuthor && e.actorUserId !== null && e.actorUserId !== by.userId && followerIds.has(e.actorUserId)
          ? REPORTER_LABEL
          : e.actorLabel,
    })),
    channel: issue.channel,
    // The Open311 caller's image link (decision 060): shown to staff as a link, never fetched by the server.
    mediaUrl: isStaff ? issue.mediaUrl : null,
    recordedBy,
    topicId: issue.topicId,
    placeRef: issue.compoundId ? `compound:${issue.compoundId}` : `community:${issue.communityId}`,
    photos,
    estimateFen: issue.events.findLast((e) => e.type === 'ESTIMATE')?.amountFen ?? null,
    handlers: isStaff ? await handlersOf(db, issueId, issue.assigneeUserId) : [],
    handlerChoices: isStaff ? await handlerChoices(issue, by.today) : [],
    consultations: await consultationsOf(db, by.userId, issueId, issue.buildingId),
    viewer: {
      isReporter,
      isStaff,
      isHandler,
      isAssignee: issue.assigneeUserId === by.userId,
      consulted,
      // Who is offered the handling forms: those handling issues there, and its handler parties while it is at its
      // compound (roleOn decides the same on the server); merging and splitting stay with those handling issues there.
      mayAct: handles || (isHandler && issue.level === 'COMPOUND'),
      mayMerge: handles,
    },
  };
}

/** The issue's handler and co-handlers by name (the lead first; without a lead, the assignee is its handler). */
async function handlersOf(db: ReturnType<typeof getDb>, issueId: number, assigneeUserId: number | null) {
  const rows = await db.issueHandler.findMany({ where: { issueId }, orderBy: [{ lead: 'desc' }, { id: 'asc' }] });
  const hasLead = rows.some((r) => r.lead);
  const parties = [...(hasLead || assigneeUserId === null ? [] : [{ party: `user:${assigneeUserId}`, lead: true }]), ...rows];
  const names = await partyNames(
    db,
    parties.map((p) => p.party),
  );
  return parties.map((p) => ({ party: p.party, lead: p.lead, name: names.get(p.party) ?? p.party }));
}

/** The building consultations of an issue with their counts; an owner of the building also gets their own answer. */
async function consultationsOf(db: ReturnType<typeof getDb>, userId: number, issueId: number, buildingId: number | null) {
  const rows = await db.issueConsultation.findMany({
    where: { issueId },
    orderBy: { id: 'asc' },
    select: { id: true, question: true, closesAt: true, createdAt: true, answers: { select: { answer: true, userId: true } } },
  });
  if (!rows.length) return [];
  const owner = await ownsInBuilding(db, userId, buildingId);
  const me = await db.user.findUnique({ where: { id: userId }, select: { personId: true } });
  const mine = new Map(
    (
      await db.issueConsultationAnswer.findMany({ where: { consultationId: { in: rows.map((r) => r.id) }, personId: me?.personId ?? -1 } })
    ).map((a) => [a.consultationId, a.answer] as const),
  );
  const owners = await db.person.count({ where: { ownerships: { some: { household: { buildingId: buildingId ?? -1 } } } } });
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    openedAt: r.createdAt,
    closesAt: r.closesAt,
    open: r.closesAt > new Date(),
    owners,
    answered: r.answers.length,
    counts: {
      AGREE: r.answers.filter((a) => a.answer === 'AGREE').length,
      DISAGREE: r.answers.filter((a) => a.answer === 'DISAGREE').length,
      NO_VIEW: r.answers.filter((a) => a.answer === 'NO_VIEW').length,
    },
    myAnswer: mine.get(r.id) ?? null,
    canAnswer: owner && !mine.has(r.id) && r.closesAt > new Date(),
  }));
}

/** "My issues": those the user raised or follows, newest first. */
export async function listMyIssues(userId: number) {
  return getDb().issue.findMany({
    where: { followers: { some: { userId } }, mergedIntoId: null },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, title: true, state: true, level: true, createdAt: true, category: { select: { nameZh: true, nameEn: true } } },
  });
}

/** The handler's work queue: open issues where they handle issues, soonest deadline first. Never the author of anonymous ones. */
export async function listWorkQueue(by: TBy, only?: 'handedToMe') {
  // "Handed to me": the issues of which they (their firm, their committee) are handler or co-handler, on "my issues".
  const scopes = only === 'handedToMe' ? [] : scopesOf(by.actor, 'issue.handle', by.today);
  // Issues handed to them, their firm or their committee, or on which they are co-handlers (decision 050).
  const handled = await handledByWhere(getDb(), by.userId, by.today);
  const where = scopes.map((s) =>
    s.level === 'district'
      ? { districtId: s.id }
      : s.level === 'street'
        ? { streetId: s.id }
        : s.level === 'community'
          ? { communityId: s.id }
          : s.level === 'compound'
            ? { compoundId: s.id }
            : { buildingId: s.id },
  );
  const select = {
    id: true,
    title: true,
    state: true,
    level: true,
    unverified: true,
    acknowledgeBy: true,
    resolveBy: true,
    assigneeUserId: true,
    category: { select: { nameZh: true, nameEn: true } },
  } as const;
  // The deadline that counts (dueAction's): acknowledgement until acknowledged, then resolution. Each half sorted by
  // its own deadline and cut at the page in the database, then merged: the most urgent first.
  const QUEUE = 200;
  const base = { OR: [...where, handled], mergedIntoId: null };
  const [unanswered, answered] = await Promise.all([
    getDb().issue.findMany({
      where: { ...base, state: { in: ['SUBMITTED', 'REOPENED'] } },
      orderBy: [{ acknowledgeBy: 'asc' }, { id: 'asc' }],
      take: QUEUE,
      select,
    }),
    getDb().issue.findMany({
      where: { ...base, state: { in: ['ACKNOWLEDGED', 'IN_PROGRESS'] } },
      orderBy: [{ resolveBy: 'asc' }, { id: 'asc' }],
      take: QUEUE,
      select,
    }),
  ]);
  return [...unanswered.map((i) => ({ ...i, dueAt: i.acknowledgeBy })), ...answered.map((i) => ({ ...i, dueAt: i.resolveBy }))]
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || x.id - y.id)
    .slice(0, QUEUE);
}

export async function listInbox(userId: number) {
  const db = getDb();
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId }, orderBy: { id: 'desc' }, take: 50 }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items, unread };
}

export async function markInboxRead(userId: number) {
  await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}

/**
 * Compounds offered when raising an issue: those of the communities where the user lives, those where
 * they handle issues, and one they came from (the compound page's "raise an issue here").
 */
export async function listRaisePlaces(by: TBy, preset?: number) {
  const db = getDb();
  const homes = by.actor.grants.filter((g) => g.role === 'RESIDENT').map((g) => g.place.id);
  const communities = (
    await db.building.findMany({ where: { id: { in: homes } }, select: { compound: { select: { communityId: true } } } })
  ).map((b) => b.compound.communityId);
  // An unverified account: the community it named at registration or of its pending claim (decision 030).
  communities.push(...by.actor.grants.filter((g) => g.role === 'UNVERIFIED_RESIDENT').map((g) => g.place.id));
  const scopes = scopesOf(by.actor, 'issue.handle', by.today);
  const or = [
    ...(communities.length ? [{ communityId: { in: communities } }] : []),
    ...scopes.map(compoundWhere),
    ...(preset ? [{ id: preset }] : []),
  ];
  if (or.length === 0) return [];
  const homeCompounds = new Set(
    (await db.building.findMany({ where: { id: { in: homes } }, select: { compoundId: true } })).map((b) => b.compoundId),
  );
  const compounds = await db.compound.findMany({
    where: { OR: or },
    orderBy: { name: 'asc' },
    take: 300,
    select: {
      id: true,
      name: true,
      districtId: true,
      community: { select: { name: true } },
      buildings: { orderBy: { id: 'asc' }, select: { id: true, name: true } },
    },
  });
  // The resident's own compound (or the one they came from) first.
  const first = (c: { id: number }) => (c.id === preset ? 0 : homeCompounds.has(c.id) ? 1 : 2);
  return compounds.sort((a, b) => first(a) - first(b));
}

/** The categories offered for each district (the form shows those of the chosen compound's district). */
export async function listCategories(locale: string, districtIds: number[]) {
  const out: Record<number, { value: string; label: string }[]> = {};
  for (const id of new Set(districtIds)) {
    out[id] = (await districtCategories(id)).map((r) => ({ value: String(r.id), label: locale === 'en' ? r.nameEn : r.nameZh }));
  }
  return out;
}

/** A photo's bytes, for someone who may see its issue; null otherwise (and for unknown photos). */
export async function getIssuePhoto(by: TBy, issueId: number, photoId: number) {
  if (!(await getIssueForViewer(by, issueId))) return null;
  const photo = await getDb().issuePhoto.findFirst({ where: { id: photoId, issueId }, select: { storageKey: true } });
  return photo ? getFileStore().get(photo.storageKey) : null;
}
