import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { uncoveredYears } from '@/domain/calendar/working-calendar';
import { NOTICE_DAYS, noticeInTime, occurrences, seriesLastDay, type TMeetingKind, type TRecurrence } from '@/domain/meetings/meetings';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { fromChinaLocal } from '@/server/issues/clock';
import { calendarFor } from '@/server/issues/district-settings';
import { notify } from '@/server/issues/notify';
import { reminderKey } from '@/domain/notifications/reminders';
import { once } from '@/server/once';
import { ancestryOf } from '@/server/places/ancestry';
import { isOpen } from '@/domain/meetings/approval';
import { approvalOnCreate, inviteBranch } from './approval';
import { onlineLink } from '@/domain/meetings/online';
import { chinaDay, dateOnly, inForceOn, today } from '@/server/today';
import { checkHosts, freezeHosts, seriesHosts, type THostRef } from './hosts';
import { checkTypeNotice, earliestFor, withType } from './types';

export type TMeetingInput = {
  kind: TMeetingKind;
  title: string;
  communityId: number;
  compoundId?: number;
  bodyId?: number;
  location: string;
  mode: 'IN_PERSON' | 'ONLINE' | 'BOTH';
  /** ONLINE and BOTH: the https link to join (decision 059). */
  onlineUrl?: string;
  /** China's local date and minutes after midnight. */
  date: string;
  startMinute: number;
  durationMinutes: number;
  /** From the form: the same key twice (a double tap) schedules one meeting. */
  idempotencyKey?: string;
  /** A joint meeting's hosts (decision 066): their members are frozen and invited once. */
  hosts?: THostRef[];
  /** A district's own kind (decision 066); the meeting then follows its base kind's rules. */
  typeId?: number;
  /** RESIDENTS_MEETING: who is entitled (required for that kind, decision 068). */
  electorate?: 'ADULT_RESIDENTS' | 'HOUSEHOLDS' | 'GROUP_REPRESENTATIVES';
  /** OWNERS_COMMITTEE called with less than 7 days' notice: the organiser's reason, confirmed past the warning. */
  shortNoticeReason?: string;
  /** Residents of the place may sign in without an invitation (decision 067; COURTYARD, PARTY_DAY, CONSULTATION). */
  open?: boolean;
};

const token = () => randomBytes(18).toString('base64url');

/** The link an online or hybrid meeting is joined by (https only), or a refusal; none for a meeting in a room. */
function linkOf(input: { mode: TMeetingInput['mode']; onlineUrl?: string }) {
  const link = onlineLink(input.mode, input.onlineUrl);
  return link.ok ? link.url : refuse(link.code);
}

/** Where a meeting is held, checked against the organiser's permission; a holding body must be of that place. */
async function placeFor(by: TBy, input: { communityId: number; compoundId?: number; bodyId?: number }) {
  const ancestry = await ancestryOf(
    input.compoundId ? { level: 'compound', id: input.compoundId } : { level: 'community', id: input.communityId },
  );
  if (!ancestry || ancestry.community !== input.communityId) return refuse('meeting.placeUnknown');
  authorize(by, 'meeting.manage', ancestry);
  if (input.bodyId) {
    const body = await getDb().body.findUnique({ where: { id: input.bodyId } });
    if (!body || body.communityId !== input.communityId || (body.compoundId !== null && body.compoundId !== (input.compoundId ?? null)))
      refuse('meeting.bodyElsewhere');
  }
  return ancestry;
}

/** Creates one meeting and invites the holding body's current members (they are 应到), telling those with accounts. */
async function createMeeting(tx: TTx, by: TBy, input: TMeetingInput, seriesId: number | null) {
  const startsAt = fromChinaLocal({ date: input.date, minute: input.startMinute });
  // Open or not, and a branch's 主题党日 proposed (not announced: nobody invited) or approved at once (decision 067).
  const gate = await approvalOnCreate(tx, by, input);
  const m = await tx.meeting.create({
    data: {
      ...gate,
      seriesId,
      kind: input.kind,
      title: input.title,
      communityId: input.communityId,
      compoundId: input.compoundId ?? null,
      bodyId: input.bodyId ?? null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
      location: input.location,
      mode: input.mode,
      onlineUrl: linkOf(input),
      signInToken: token(),
      createdById: by.userId,
      idempotencyKey: seriesId === null ? (input.idempotencyKey ?? null) : null,
      typeId: input.typeId ?? null,
      electorate: input.kind === 'RESIDENTS_MEETING' ? (input.electorate ?? null) : null,
      shortNoticeReason: input.shortNoticeReason ?? null,
    },
  });
  // A proposal is not announced (decision 067): no host is invited to it, so a joint meeting is never a proposal.
  if (gate.approval === 'PROPOSED' && input.hosts?.length) refuse('meetingApproval.noHosts');
  if (gate.approval === 'PROPOSED') return m;
  await freezeHosts(tx, m, input.hosts ?? [], input.date);
  if (gate.approval === 'APPROVED') await inviteBranch(tx, [m], seriesId === null);
  else if (input.bodyId) {
    const members = await tx.bodyMember.findMany({ where: { bodyId: input.bodyId, ...inForceOn(today()) }, select: { personId: true } });
    const persons = [...new Set(members.map((x) => x.personId))];
    if (persons.length) await tx.meetingInvite.createMany({ data: persons.map((personId) => ({ meetingId: m.id, personId })) });
    if (seriesId === null) {
      const users = await tx.user.findMany({ where: { personId: { in: persons } }, select: { id: true } });
      await notify(
        tx,
        users.map((u) => u.id),
        { kind: 'meeting.invited', link: `/meetings/${m.id}`, title: input.title, body: `${input.date} ${input.location}` },
      );
    }
  }
  return m;
}

/**
 * Schedules a meeting. Kinds with a legal notice period (owners' assembly 15 days, owners' committee
 * 7 days) are refused when called too late, with the earliest date allowed. `uncovered` names the year if the
 * district's working calendar does not know its holidays (the organiser is told: it may be a day off).
 */
export async function scheduleMeeting(by: TBy, asked: TMeetingInput) {
  linkOf(asked);
  const ancestry = await placeFor(by, asked);
  const typed = await withType(asked, ancestry.district!);
  let input = typed.input;
  input.hosts = await checkHosts(input);
  checkTypeNotice(typed.noticeDays, input.date);
  const uncovered = uncoveredYears([input.date], await calendarFor(ancestry.district!));
  const notice = noticeInTime(input.kind, today(), input.date);
  // An owners' committee's 7 days are a warning the organiser may confirm with a reason; the assembly's 15 are not (decision 068).
  const reason = input.kind === 'OWNERS_COMMITTEE' ? input.shortNoticeReason?.trim() || undefined : undefined;
  if (!notice.ok && input.kind !== 'OWNERS_COMMITTEE') refuse('meeting.noticeTooShort', { days: notice.days, earliest: notice.earliest });
  if (!notice.ok && !reason) refuse('meeting.noticeShortConfirm', { days: notice.days, earliest: notice.earliest });
  if (input.kind === 'RESIDENTS_MEETING' && !input.electorate) refuse('meetingResidents.electorateNeeded');
  input = { ...input, shortNoticeReason: notice.ok ? undefined : reason };
  if (input.date < today()) refuse('meeting.inThePast');
  const db = getDb();
  const made = (key: string) =>
    db.meeting
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true } })
      .then((m) => m && { made: { id: m.id }, madeBy: m.createdById });
  const scheduled = await once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const m = await createMeeting(tx, by, input, null);
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meeting.schedule',
        entityType: 'Meeting',
        entityId: m.id,
        after: { ...input, idempotencyKey: undefined },
        communityId: input.communityId,
        compoundId: input.compoundId ?? null,
      });
      return { id: m.id };
    }),
  );
  return { ...scheduled, uncovered, districtId: ancestry.district! };
}

/**
 * A recurring schedule: its meetings up to the end of next year are made at once (so they are on the calendar
 * for this year and the next), moved off holidays if asked, on the district's working calendar. `uncovered` names
 * the years among them whose holidays that calendar does not know yet.
 */
export async function scheduleSeries(
  by: TBy,
  asked: Omit<TMeetingInput, 'date'> & { rule: TRecurrence; from: string; shiftOffHolidays: boolean },
) {
  const db = getDb();
  const made = (key: string) =>
    db.meetingSeries
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true, _count: { select: { meetings: true } } } })
      .then((s) => s && { made: { id: s.id, meetings: s._count.meetings }, madeBy: s.createdById });
  linkOf(asked);
  const ancestry = await placeFor(by, asked);
  const { input, noticeDays } = await withType(asked, ancestry.district!);
  input.hosts = await checkHosts(input);
  const calendar = await calendarFor(ancestry.district!);
  if (input.kind === 'RESIDENTS_MEETING' && !input.electorate) refuse('meetingResidents.electorateNeeded');
  // A series starts at the first date its notice allows: the type's, and the law's for its kind (assembly 15 days,
  // owners' committee 7 — a series is planned ahead, so no short-notice reason is taken for it).
  const notice = Math.max(noticeDays, NOTICE_DAYS[input.kind] ?? 0);
  const dates = occurrences(input.rule, input.from, seriesLastDay(input.from), calendar, input.shiftOffHolidays).filter(
    (d) => d >= earliestFor(notice),
  );
  if (dates.length === 0) refuse('meeting.noDates');
  if (dates.length > 250) refuse('meeting.tooMany');
  const scheduled = await once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(
      async (tx) => {
        const s = await tx.meetingSeries.create({
          data: {
            kind: input.kind,
            title: input.title,
            communityId: input.communityId,
            compoundId: input.compoundId ?? null,
            bodyId: input.bodyId ?? null,
            rule: input.rule as Prisma.InputJsonValue,
            startsOn: dateOnly(input.from),
            startMinute: input.startMinute,
            durationMinutes: input.durationMinutes,
            location: input.location,
            mode: input.mode,
            shiftOffHolidays: input.shiftOffHolidays,
            open: isOpen(input.kind, input.open, undefined),
            createdById: by.userId,
            idempotencyKey: input.idempotencyKey ?? null,
            typeId: input.typeId ?? null,
          },
        });
        await seriesHosts(tx, s.id, input.hosts ?? []);
        for (const date of dates) await createMeeting(tx, by, { ...input, date }, s.id);
        await writeAudit(tx, {
          actorId: by.userId,
          actorLabel: by.label,
          action: 'meeting.series',
          entityType: 'MeetingSeries',
          entityId: s.id,
          after: { kind: input.kind, rule: input.rule as Prisma.InputJsonValue, meetings: dates.length },
          communityId: input.communityId,
          compoundId: input.compoundId ?? null,
        });
        return { id: s.id, meetings: dates.length };
      },
      { timeout: 60_000 },
    ),
  );
  return { ...scheduled, uncovered: uncoveredYears(dates, calendar), districtId: ancestry.district! };
}

/** The day before: invitees with accounts who have not declined are reminded, once (a job runs it; the key decides). */
export async function remindTomorrow(now = new Date()) {
  const db = getDb();
  const tomorrow = chinaDay(new Date(now.getTime() + 86_400_000));
  const from = fromChinaLocal({ date: tomorrow, minute: 0 });
  const to = new Date(from.getTime() + 86_400_000);
  const meetings = await db.meeting.findMany({
    // A proposed or returned 主题党日 is not announced (decision 067): nobody is reminded of it.
    where: { status: 'SCHEDULED', startsAt: { gte: from, lt: to }, OR: [{ approval: null }, { approval: 'APPROVED' }] },
    select: { id: true, title: true, location: true, startsAt: true },
  });
  let reminded = 0;
  for (const m of meetings) {
    await db.$transaction(async (tx) => {
      const invites = await tx.meetingInvite.findMany({
        where: { meetingId: m.id, remindedAt: null, OR: [{ rsvp: null }, { rsvp: 'YES' }] },
        select: { personId: true },
      });
      if (!invites.length) return;
      const r = await tx.meetingInvite.updateMany({
        where: { meetingId: m.id, remindedAt: null, personId: { in: invites.map((i) => i.personId) } },
        data: { remindedAt: now },
      });
      if (r.count === 0) return;
      const users = await tx.user.findMany({ where: { personId: { in: invites.map((i) => i.personId) } }, select: { id: true } });
      await notify(
        tx,
        users.map((u) => u.id),
        {
          kind: 'meeting.reminder',
          link: `/meetings/${m.id}`,
          title: m.title,
          body: m.location,
          onceKey: reminderKey('meeting', 'tomorrow', m.id),
        },
      );
      reminded += users.length;
    });
  }
  return { meetings: meetings.length, reminded };
}
