import 'server-only';
import { can } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { storeIssue, type TRaiseIssue } from '@/server/issues/raise-issue';
import { activityOpen } from '@/domain/topics/transition';
import { writeAudit } from '@/server/audit';
import { procedureOf } from '@/server/topics/procedures';
import { topicEvent } from '@/server/topics/topic-core';
import { householdsOf, keepsHousehold, linksKeptBy } from './kept-households';

const OPEN = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'] as const;

async function personOf(by: TBy, db: Pick<TTx, 'user'> = getDb()) {
  return by.personId ?? (await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } })).personId;
}

/**
 * "我联系的住户": the households the viewer keeps in touch with today, each with its open issues — those recorded for it
 * and those its residents raised under their name. An anonymous issue is never tied to a household here: saying which
 * household raised it would name its reporter (decision 051).
 */
export async function listKeptHouseholds(by: TBy) {
  const db = getDb();
  const links = await linksKeptBy(db, await personOf(by), by.today);
  const ids = [...new Set(links.flatMap((l) => householdsOf(l).map((h) => h.id)))];
  if (!ids.length) return [];
  const households = await db.household.findMany({
    where: { id: { in: ids } },
    orderBy: [{ buildingId: 'asc' }, { unitNo: 'asc' }, { roomNo: 'asc' }],
    select: {
      id: true,
      unitNo: true,
      roomNo: true,
      building: { select: { name: true, compoundId: true, compound: { select: { name: true, districtId: true, communityId: true } } } },
      residencies: {
        where: { until: null },
        orderBy: [{ isRepresentative: 'desc' }, { id: 'asc' }],
        select: { person: { select: { name: true } } },
      },
      claims: { where: { status: 'APPROVED' }, select: { userId: true } },
    },
  });
  const authors = households.flatMap((h) =>
    h.claims.map((c) => ({ householdId: h.id, userId: c.userId, compoundId: h.building.compoundId })),
  );
  const issues = await db.issue.findMany({
    where: {
      state: { in: [...OPEN] },
      mergedIntoId: null,
      OR: [
        { householdId: { in: ids } },
        ...(authors.length ? [{ anonymous: false, householdId: null, authorUserId: { in: authors.map((a) => a.userId) } }] : []),
      ],
    },
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true, state: true, createdAt: true, householdId: true, authorUserId: true, compoundId: true },
  });
  const kinds = new Map(links.flatMap((l) => householdsOf(l).map((h) => [h.id, l.kind] as const)));
  const ideas = await topicsOpenForIdeas(
    households.map((h) => ({ compoundId: h.building.compoundId, communityId: h.building.compound.communityId })),
  );
  return households.map((h) => ({
    id: h.id,
    label: `${h.building.compound.name} ${h.building.name} ${h.unitNo}单元 ${h.roomNo}`,
    residents: h.residencies.map((r) => r.person.name),
    districtId: h.building.compound.districtId,
    kind: kinds.get(h.id)!,
    issues: issues
      .filter(
        (i) =>
          i.householdId === h.id ||
          (i.householdId === null && i.compoundId === h.building.compoundId && h.claims.some((c) => c.userId === i.authorUserId)),
      )
      .map(({ id, title, state, createdAt }) => ({ id, title, state, createdAt })),
    topics: ideas.filter((t) => inPlace(t, h.building.compoundId, h.building.compound.communityId)).map(({ id, title }) => ({ id, title })),
  }));
}

type TTopicPlace = { compoundId: number | null; communityId: number };
/** A topic of the household's compound, or of its whole community. */
const inPlace = (t: TTopicPlace, compoundId: number, communityId: number) =>
  t.compoundId === null ? t.communityId === communityId : t.compoundId === compoundId;

/**
 * The topics the residents of these places may give ideas on today: open, in a suggestions step, at their compound or
 * their community as a whole — never one in its party-members-first step (decision 052).
 */
async function topicsOpenForIdeas(places: { compoundId: number; communityId: number }[]) {
  if (!places.length) return [];
  const topics = await getDb().topic.findMany({
    where: {
      status: 'OPEN',
      partyOnly: false,
      OR: [
        { compoundId: { in: [...new Set(places.map((p) => p.compoundId))] } },
        { compoundId: null, communityId: { in: [...new Set(places.map((p) => p.communityId))] } },
      ],
    },
    orderBy: { id: 'desc' },
    take: 200,
    select: { id: true, title: true, status: true, stepIndex: true, compoundId: true, communityId: true, procedure: true },
  });
  return topics.filter((t) => activityOpen(procedureOf(t.procedure), t, 'SUGGESTIONS'));
}

/**
 * A household the keeper keeps in touch with today, with its place and current residents (whether they have an active,
 * verified account), checked against the matrix (issue.raiseFor at its building) and the contact links. Anything else is
 * refused alike (`contact.notKept`): no probing which households exist.
 */
async function keptHousehold(db: TTx, by: TBy, householdId: number) {
  const household =
    (await db.household.findUnique({
      where: { id: householdId },
      select: {
        id: true,
        unitNo: true,
        roomNo: true,
        buildingId: true,
        building: {
          select: { name: true, compoundId: true, compound: { select: { communityId: true, streetId: true, districtId: true } } },
        },
        residencies: {
          where: { until: null },
          orderBy: [{ isRepresentative: 'desc' }, { id: 'asc' }],
          select: { person: { select: { name: true, user: { select: { id: true, verifiedAt: true, disabledAt: true } } } } },
        },
      },
    })) ?? refuse('contact.notKept');
  const { communityId, streetId, districtId } = household.building.compound;
  const compoundId = household.building.compoundId;
  const ancestry = { district: districtId, street: streetId, community: communityId, compound: compoundId, building: household.buildingId };
  if (!can(by.actor, 'issue.raiseFor', { ancestry }, by.today)) refuse('contact.notKept');
  if (!(await keepsHousehold(db, await personOf(by, db), household.id, by.today))) refuse('contact.notKept');
  const address = `${household.building.name}${household.unitNo}单元${household.roomNo}`;
  return { household, ancestry, compoundId, communityId, address };
}

export type TSuggestFor = { householdId: number; topicId: number; stance: 'SUPPORT' | 'OPPOSE' | 'AMEND'; body: string };

/**
 * A keeper records a kept household's view on a topic of its place (代为反映, issue.raiseFor): a suggestion of that
 * household, entered by the keeper and shown as such ("X（代Y记录）") — never as the resident's own words. Refused for a
 * household they do not keep, a topic of another place or in its party-first step (`contact.notKept`), and a topic not
 * taking ideas now (`topic.notNow`).
 */
export async function suggestFor(by: TBy, input: TSuggestFor) {
  const db = getDb();
  const { household, compoundId, communityId, address } = await keptHousehold(db, by, input.householdId);
  const topic = await db.topic.findUnique({ where: { id: input.topicId }, include: { procedure: true } });
  if (!topic || topic.partyOnly || !inPlace(topic, compoundId, communityId)) return refuse('contact.notKept');
  if (topic.status !== 'OPEN') refuse('topic.closed');
  if (!activityOpen(procedureOf(topic.procedure), topic, 'SUGGESTIONS')) refuse('topic.notNow');
  const name = household.residencies[0]?.person.name ?? `${address}住户`;
  const label = `${by.label}（代${name}记录）`;
  return db.$transaction(async (tx) => {
    const s = await tx.suggestion.create({
      data: {
        topicId: topic.id,
        stepIndex: topic.stepIndex,
        authorUserId: null,
        anonymous: false,
        enteredById: by.userId,
        onBehalfName: name,
        stance: input.stance,
        body: input.body,
      },
    });
    await topicEvent(tx, { userId: by.userId, label }, topic, 'SUGGESTION', input.stance);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.suggest',
      entityType: 'Suggestion',
      entityId: s.id,
      after: { topicId: topic.id, stance: input.stance, householdId: household.id, enteredFor: true },
      communityId: topic.communityId,
      compoundId: topic.compoundId,
    });
    return { id: s.id };
  });
}

export type TRaiseFor = Omit<TRaiseIssue, 'anonymous' | 'onBehalfOf' | 'client' | 'compoundId' | 'buildingId'> & { householdId: number };

/**
 * A keeper records an issue for a household they keep in touch with (代为反映, issue.raiseFor): it belongs to the household —
 * its resident's account is the author when there is one (they follow it), else the household's address is the reporter —
 * and the keeper is recorded as enteredBy and follows it. Refused for a household they do not keep (`contact.notKept`).
 */
export async function raiseIssueFor(by: TBy, input: TRaiseFor, tx?: TTx) {
  const db = tx ?? getDb();
  const { household, ancestry, address } = await keptHousehold(db, by, input.householdId);
  // The author is the household's resident with an active, verified account (they follow it), if there is one.
  const account = household.residencies.map((r) => r.person).find((p) => p.user?.verifiedAt && !p.user.disabledAt);
  const label = `${by.label}（代${account?.name ?? address}反映）`;
  return storeIssue({ ...input, compoundId: household.building.compoundId, buildingId: household.buildingId, anonymous: false }, ancestry, {
    reporter: account?.user
      ? { authorUserId: account.user.id, reporterName: null, reporterPhone: null }
      : { authorUserId: null, reporterName: `${address}住户`, reporterPhone: null },
    channel: 'CONTACT',
    enteredById: by.userId,
    contact: { householdId: household.id, keeperUserId: by.userId },
    apiKeyId: null,
    eventActor: { id: by.userId, label },
    auditActor: { id: by.userId, label: by.label },
    tx,
  });
}
