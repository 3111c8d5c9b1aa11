import 'server-only';
import { lower } from '@/domain/audit/actions';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';
import { raiseIssue } from '@/server/issues/raise-issue';
import { publishNotice } from '@/server/notices/publish';
import { anonymousFollowers } from '@/server/people/anonymity';
import { mayReadTopic, topicAncestry } from '@/server/topics/standing';
import { requireOrganiser } from './attendance';
import { linkResidentsMotion } from './households';

/** An agenda item, optionally a topic: the topic's stakeholders and followers are invited as guests (`inviteTopicGuests`). */
export async function addAgendaItem(by: TBy, meetingId: number, input: { title: string; topicId?: number }) {
  const m = await requireOrganiser(by, meetingId);
  const db = getDb();
  let partyOnly = false;
  if (input.topicId) {
    const t = await db.topic.findUnique({
      where: { id: input.topicId },
      select: { id: true, communityId: true, compoundId: true, partyOnly: true, liaisonUserId: true },
    });
    if (!t || t.communityId !== m.communityId) refuse('meeting.topicElsewhere');
    // Only a topic the organiser may read; one in its party-first step only at a party day, without inviting its followers
    // (reporters outside the party would learn of it: decision 052).
    const ancestry = await topicAncestry(t!);
    if (!ancestry || !(await mayReadTopic(by, t!, ancestry))) refuse('auth.forbidden');
    partyOnly = t!.partyOnly;
    if (partyOnly && m.kind !== 'PARTY_DAY') refuse('meeting.topicPartyFirst');
  }
  return db.$transaction(async (tx) => {
    const position = (await tx.agendaItem.count({ where: { meetingId } })) + 1;
    const item = await tx.agendaItem.create({ data: { meetingId, position, title: input.title, topicId: input.topicId ?? null } });
    if (input.topicId && !partyOnly) await inviteTopicGuests(tx, m, input.topicId, input.title);
    if (input.topicId && m.kind === 'RESIDENTS_MEETING') await linkResidentsMotion(tx, input.topicId, meetingId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meeting.agenda',
      entityType: 'AgendaItem',
      entityId: item.id,
      after: input,
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
    return { id: item.id };
  });
}

/**
 * A topic on the agenda: its stakeholders and followers are invited as guests (列席) — except followers
 * known to the topic only through an anonymous report: an invitation would list them by name to the
 * organiser (page, payload, printed sign-in sheet), so they are told in their own inbox instead (decisions/023).
 */
export async function inviteTopicGuests(tx: TTx, m: { id: number; title: string }, topicId: number, itemTitle: string) {
  const stakeholders = await tx.stakeholder.findMany({ where: { topicId, personId: { not: null } }, select: { personId: true } });
  const hidden = await anonymousFollowers(tx, topicId);
  const followers = await tx.topicFollower.findMany({ where: { topicId, userId: { notIn: [...hidden] } }, select: { userId: true } });
  const followerPersons = await tx.user.findMany({ where: { id: { in: followers.map((f) => f.userId) } }, select: { personId: true } });
  const persons = [...new Set([...stakeholders.map((s) => s.personId!), ...followerPersons.map((p) => p.personId)])];
  const have = new Set(
    (await tx.meetingInvite.findMany({ where: { meetingId: m.id }, select: { personId: true } })).map((i) => i.personId),
  );
  const fresh = persons.filter((p) => !have.has(p));
  if (fresh.length) await tx.meetingInvite.createMany({ data: fresh.map((personId) => ({ meetingId: m.id, personId, member: false })) });
  const users = await tx.user.findMany({ where: { personId: { in: fresh } }, select: { id: true } });
  await notify(
    tx,
    users.map((u) => u.id),
    { kind: 'meeting.invited', link: `/meetings/${m.id}`, title: m.title, body: itemTitle },
  );
  // Those invited anyway (members, stakeholders) already know; the others hear it in their own inbox.
  const invited = new Set(
    (await tx.user.findMany({ where: { personId: { in: [...have, ...fresh] } }, select: { id: true } })).map((u) => u.id),
  );
  await notify(
    tx,
    [...hidden].filter((u) => !invited.has(u)),
    { kind: 'topic.onAgenda', topicId, link: `/meetings/${m.id}`, title: m.title, body: itemTitle },
  );
}

export async function recordAgendaItem(by: TBy, itemId: number, input: { discussion: string; outcome: string }) {
  const db = getDb();
  const item = (await db.agendaItem.findUnique({ where: { id: itemId } })) ?? refuse('auth.forbidden');
  const m = await requireOrganiser(by, item.meetingId);
  if ((await db.minutes.findUnique({ where: { meetingId: m.id } }))?.status === 'APPROVED') refuse('meeting.minutesApproved');
  await db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id: itemId }, data: input });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meeting.agendaRecord',
      entityType: 'AgendaItem',
      entityId: itemId,
      before: { discussion: item.discussion, outcome: item.outcome },
      after: input,
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
  });
}

/**
 * Minutes: drafted and changed by the secretary, circulated to the invitees, approved (by the body, at
 * this or the next meeting) — then frozen; approved minutes may be published on the notice board.
 */
export async function saveMinutes(by: TBy, meetingId: number, body: string) {
  const m = await requireOrganiser(by, meetingId);
  const db = getDb();
  const current = await db.minutes.findUnique({ where: { meetingId } });
  if (current?.status === 'APPROVED') refuse('meeting.minutesApproved');
  await db.$transaction(async (tx) => {
    await tx.minutes.upsert({
      where: { meetingId },
      create: { meetingId, body, updatedById: by.userId },
      update: { body, updatedById: by.userId, status: current?.status === 'CIRCULATED' ? 'CIRCULATED' : 'DRAFT' },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'minutes.save',
      entityType: 'Meeting',
      entityId: meetingId,
      before: { body: current?.body ?? null },
      after: { body },
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
  });
}

export async function advanceMinutes(by: TBy, meetingId: number, to: 'CIRCULATED' | 'APPROVED') {
  const m = await requireOrganiser(by, meetingId);
  const db = getDb();
  const min = (await db.minutes.findUnique({ where: { meetingId } })) ?? refuse('meeting.noMinutes');
  if (min.status === 'APPROVED') refuse('meeting.minutesApproved');
  if (to === 'APPROVED' && min.status !== 'CIRCULATED') refuse('meeting.minutesNotCirculated');
  // A joint meeting's minutes are approved by its hosts' sign-offs, the last one approving (decision 066).
  if (to === 'APPROVED' && (await db.meetingHost.count({ where: { meetingId } }))) refuse('meetingHosts.signoffNeeded');
  await db.$transaction(async (tx) => {
    const r = await tx.minutes.updateMany({
      where: { id: min.id, status: min.status },
      data: { status: to, approvedAt: to === 'APPROVED' ? new Date() : null },
    });
    if (r.count !== 1) refuse('meeting.minutesApproved');
    if (to === 'CIRCULATED') {
      const invites = await tx.meetingInvite.findMany({ where: { meetingId }, select: { personId: true } });
      const users = await tx.user.findMany({ where: { personId: { in: invites.map((i) => i.personId) } }, select: { id: true } });
      await notify(
        tx,
        users.map((u) => u.id),
        { kind: 'meeting.minutes', link: `/meetings/${m.id}`, title: m.title, body: '' },
      );
    }
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: `minutes.${lower(to)}`,
      entityType: 'Meeting',
      entityId: meetingId,
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
  });
}

/** Approved minutes go to the notice board (residents' affairs), once. */
export async function publishMinutes(by: TBy, meetingId: number) {
  const m = await requireOrganiser(by, meetingId);
  const db = getDb();
  const min = (await db.minutes.findUnique({ where: { meetingId } })) ?? refuse('meeting.noMinutes');
  if (min.status !== 'APPROVED') refuse('meeting.minutesNotApproved');
  if (min.noticeId) refuse('meeting.minutesPublished');
  const place = await db.community.findUniqueOrThrow({
    where: { id: m.communityId },
    select: { streetId: true, street: { select: { districtId: true } } },
  });
  return db.$transaction(async (tx) => {
    const n = await publishNotice(tx, {
      kind: 'MINUTES',
      category: m.kind === 'PARTY_DAY' ? 'PARTY' : 'RESIDENTS',
      title: `${m.title}会议纪要`,
      body: min.body,
      place: { streetId: place.streetId, communityId: m.communityId, compoundId: m.compoundId, districtId: place.street.districtId },
      createdById: by.userId,
    });
    await tx.minutes.update({ where: { id: min.id }, data: { noticeId: n.id } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'minutes.publish',
      entityType: 'Notice',
      entityId: n.id,
      after: { meetingId },
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
    return { noticeId: n.id };
  });
}

/**
 * A visitor at a reception day and what they raised; with a category and a compound, the issue is
 * raised at once, entered by staff on the visitor's behalf (decisions/016), and linked to the visit.
 */
export async function logVisit(
  by: TBy,
  meetingId: number,
  input: {
    name: string;
    phone?: string;
    matter: string;
    issue?: { categoryId: number; compoundId: number; title: string; idempotencyKey: string };
  },
) {
  const m = await requireOrganiser(by, meetingId);
  if (m.kind !== 'RECEPTION_DAY') refuse('meeting.notReception');
  let issueId: number | null = null;
  if (input.issue) {
    if (!input.phone) refuse('field.phone');
    issueId = (
      await raiseIssue(by, {
        ...input.issue,
        description: input.matter,
        anonymous: false,
        onBehalfOf: { name: input.name, phone: input.phone! },
      })
    ).id;
  }
  return getDb().$transaction(async (tx) => {
    const v = await tx.visit.create({ data: { meetingId, visitorName: input.name, matter: input.matter, issueId, byUserId: by.userId } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meeting.visit',
      entityType: 'Visit',
      entityId: v.id,
      after: { meetingId, issueId },
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
    return { id: v.id, issueId };
  });
}
