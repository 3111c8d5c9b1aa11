import 'server-only';
import { isActive } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { fromChinaLocal } from '@/server/issues/clock';
import { anonymousFollowers } from '@/server/people/anonymity';
import { attendancePanel, organises } from './attendance';
import { kindLabel, TYPE_NAMES } from './types';
import { approvalView, mayApprove } from './approval';
import { participantsOf } from './open';

/** Announced meetings only: a branch's 主题党日 still PROPOSED or RETURNED is not public (decision 067). */
const ANNOUNCED = { OR: [{ approval: null }, { approval: 'APPROVED' as const }] };

/** A community's meetings of a year, public (what, when, where): the calendar and its .ics feed. */
export async function calendarOf(communityCode: string, year: number) {
  const db = getDb();
  const community = await db.community.findUnique({ where: { code: communityCode }, select: { id: true, name: true, streetId: true } });
  if (!community) return null;
  const meetings = await db.meeting.findMany({
    where: {
      communityId: community.id,
      status: { not: 'CANCELLED' },
      ...ANNOUNCED,
      startsAt: { gte: fromChinaLocal({ date: `${year}-01-01`, minute: 0 }), lt: fromChinaLocal({ date: `${year + 1}-01-01`, minute: 0 }) },
    },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      kind: true,
      title: true,
      startsAt: true,
      endsAt: true,
      location: true,
      mode: true,
      compoundId: true,
      _count: { select: { attendance: true } },
      type: TYPE_NAMES,
    },
  });
  return { community, meetings: meetings.map(({ type, ...m }) => ({ ...m, kindLabel: kindLabel(type) })) };
}

/**
 * What the community's .ics feed shows, China's days `from` to `to`: its meetings (cancelled ones too: a series
 * excludes their days) and the series they belong to.
 */
export async function feedOf(communityCode: string, from: string, to: string) {
  const db = getDb();
  const community = await db.community.findUnique({ where: { code: communityCode }, select: { id: true, name: true } });
  if (!community) return null;
  const meetings = await db.meeting.findMany({
    where: {
      communityId: community.id,
      startsAt: { gte: fromChinaLocal({ date: from, minute: 0 }), lt: fromChinaLocal({ date: to, minute: 24 * 60 }) },
      ...ANNOUNCED,
    },
    orderBy: { startsAt: 'asc' },
    select: { id: true, seriesId: true, title: true, location: true, startsAt: true, endsAt: true, status: true, type: TYPE_NAMES },
  });
  const ids = [...new Set(meetings.flatMap((m) => (m.seriesId === null ? [] : [m.seriesId])))];
  const series = await db.meetingSeries.findMany({
    where: { id: { in: ids } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      title: true,
      location: true,
      rule: true,
      startsOn: true,
      startMinute: true,
      durationMinutes: true,
      type: TYPE_NAMES,
    },
  });
  return { community, meetings, series };
}

/**
 * Attendance in person-times (人次) per kind, for a community and a period — e.g. themed party days in a year. Every
 * Attendance row counts: members, and at open meetings the residents who signed in by QR and the walk-ins staff
 * entered by name or from the roster (each is one row, decision 067) — so 参与人次 is inside these figures. Meetings
 * not announced (a proposed 主题党日) are left out.
 */
export async function personTimes(communityId: number, from: Date, to: Date) {
  const rows = await getDb().meeting.findMany({
    where: { communityId, startsAt: { gte: from, lt: to }, ...ANNOUNCED },
    select: { kind: true, _count: { select: { attendance: true } } },
  });
  const out: Record<string, { meetings: number; personTimes: number }> = {};
  for (const r of rows) {
    out[r.kind] ??= { meetings: 0, personTimes: 0 };
    out[r.kind]!.meetings++;
    out[r.kind]!.personTimes += r._count.attendance;
  }
  return out;
}

/**
 * Guests listed on no sheet: followers of the agenda's topics known to them only through an anonymous
 * report, invited before such guests stopped being invited (decisions/023); members and stakeholders stay.
 */
async function unlistedGuests(meetingId: number, topicIds: number[]): Promise<Set<number>> {
  const db = getDb();
  const users = new Set<number>();
  for (const t of new Set(topicIds)) for (const u of await anonymousFollowers(db, t)) users.add(u);
  if (users.size === 0) return new Set();
  const stakeholders = await db.stakeholder.findMany({
    where: { topicId: { in: topicIds }, personId: { not: null } },
    select: { personId: true },
  });
  const members = await db.meetingInvite.findMany({ where: { meetingId, member: true }, select: { personId: true } });
  const listed = new Set([...stakeholders.map((s) => s.personId!), ...members.map((m) => m.personId)]);
  const persons = await db.user.findMany({ where: { id: { in: [...users] } }, select: { personId: true } });
  return new Set(persons.map((p) => p.personId).filter((p) => !listed.has(p)));
}

/** PARTY_MEMBER held today at the community (or its street, for a 党工委's members). */
function isPartyMemberOf(by: TBy, communityId: number, streetId: number) {
  return by.actor.grants.some(
    (g) =>
      g.role === 'PARTY_MEMBER' &&
      isActive(g, by.today) &&
      ((g.place.level === 'community' && g.place.id === communityId) || (g.place.level === 'street' && g.place.id === streetId)),
  );
}

/** One meeting: public facts for all; the viewer's invitation; for its organisers, everything. */
export async function getMeetingView(by: TBy | null, id: number) {
  const db = getDb();
  const m = await db.meeting.findUnique({
    where: { id },
    include: { agenda: { orderBy: { position: 'asc' } }, minutes: true, type: TYPE_NAMES },
  });
  if (!m) return null;
  const organiser = await organises(by, m);
  // Not announced yet (decision 067): only who runs meetings there (the branch) and who approves them see it.
  if (m.approval && m.approval !== 'APPROVED' && !organiser && !(await mayApprove(by, m))) return null;
  const me = by ? await db.user.findUnique({ where: { id: by.userId }, select: { personId: true } }) : null;
  const invite = me ? await db.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId: id, personId: me.personId } } }) : null;
  const attended = me
    ? !!(await db.attendance.findUnique({ where: { meetingId_personId: { meetingId: id, personId: me.personId } } }))
    : false;
  const [community, compound, body] = await Promise.all([
    db.community.findUnique({ where: { id: m.communityId }, select: { name: true, code: true, streetId: true } }),
    m.compoundId ? db.compound.findUnique({ where: { id: m.compoundId }, select: { name: true } }) : null,
    m.bodyId ? db.body.findUnique({ where: { id: m.bodyId }, select: { name: true } }) : null,
  ]);
  const unlisted = organiser
    ? await unlistedGuests(
        id,
        m.agenda.flatMap((a) => (a.topicId ? [a.topicId] : [])),
      )
    : new Set<number>();
  const staff = organiser
    ? {
        signInToken: m.signInToken,
        invitees: await db.$queryRaw<
          { personId: number; name: string; member: boolean; rsvp: string | null; present: boolean; online: boolean }[]
        >`
              SELECT i."personId", p.name, i.member, i.rsvp::text AS rsvp, (a.id IS NOT NULL) AS present, COALESCE(a.online, false) AS online
                FROM "MeetingInvite" i JOIN "Person" p ON p.id = i."personId"
                LEFT JOIN "Attendance" a ON a."meetingId" = i."meetingId" AND a."personId" = i."personId"
               WHERE i."meetingId" = ${id} ORDER BY i.member DESC, p.name`.then((rows) => rows.filter((r) => !unlisted.has(r.personId))),
        visits: await db.visit.findMany({ where: { meetingId: id }, orderBy: { id: 'asc' } }),
        participants: await participantsOf(id),
      }
    : null;
  // A party day is the party organisation's meeting: its party members read it as invitees do (decision 051).
  const partyMember = m.kind === 'PARTY_DAY' && !!by && !!community && isPartyMemberOf(by, m.communityId, community.streetId);
  const showMinutes =
    organiser || (m.minutes && m.minutes.status !== 'DRAFT' && (!!invite || partyMember)) || m.minutes?.status === 'APPROVED';
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: kindLabel(m.type),
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    location: m.location,
    mode: m.mode,
    // The link to join is for those expected there (decision 059): never on the public page.
    onlineUrl: organiser || invite || partyMember ? m.onlineUrl : null,
    status: m.status,
    open: m.open,
    // Who approved it and the guidance are for those who run it and those who approve (decision 067), not the public page.
    approval: organiser || (await mayApprove(by, m)) ? await approvalView(by, m) : null,
    place: { community: community?.name ?? '', communityCode: community?.code ?? '', compound: compound?.name ?? null },
    body: body?.name ?? null,
    // What was said and decided is published with the minutes (decision 031): until then only the agenda's titles.
    agenda: m.agenda.map((a) => ({
      id: a.id,
      title: a.title,
      topicId: a.topicId,
      discussion: showMinutes ? a.discussion : null,
      outcome: showMinutes ? a.outcome : null,
    })),
    minutes: showMinutes && m.minutes ? { body: m.minutes.body, status: m.minutes.status, noticeId: m.minutes.noticeId } : null,
    panel: organiser || invite || partyMember ? await attendancePanel(id) : null,
    viewer: { organiser, invited: !!invite, member: invite?.member ?? false, rsvp: invite?.rsvp ?? null, attended },
    staff,
  };
}

/** Meetings of a topic's community from yesterday on, to hold a vote at. */
export async function upcomingMeetingsOfTopic(topicId: number) {
  const db = getDb();
  const topic = await db.topic.findUniqueOrThrow({ where: { id: topicId }, select: { communityId: true } });
  return db.meeting.findMany({
    where: { status: 'SCHEDULED', communityId: topic.communityId, startsAt: { gte: new Date(Date.now() - 86_400_000) }, ...ANNOUNCED },
    orderBy: { startsAt: 'asc' },
    take: 20,
    select: { id: true, title: true, startsAt: true },
  });
}
