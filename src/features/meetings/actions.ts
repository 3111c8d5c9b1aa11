'use server';
import { z } from 'zod';
import { calendarWarning } from '@/features/shared/calendar-warning';
import { command, say } from '@/features/shared/command';
import { ZName, ZPhone } from '@/features/shared/forms';
import { meetingKinds, type TMeetingKind } from '@/domain/meetings/meetings';
import { hostsOf, typeOf, ZTypeRef } from './hosts-input';
import { refuse } from '@/server/errors';
import { closeMeeting, markAttendance, rsvp, signInByQr, signInOnline } from '@/server/meetings/attendance';
import { addAgendaItem, advanceMinutes, logVisit, publishMinutes, recordAgendaItem, saveMinutes } from '@/server/meetings/records';
import { scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';
import { ancestryOf } from '@/server/places/ancestry';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.time')
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));
const ZSchedule = z.object({
  kind: z.union([z.enum(meetingKinds), ZTypeRef], { message: 'field.choice' }),
  title: z.string().trim().min(2, 'field.meetingTitle').max(60, 'field.meetingTitle'),
  place: z.string().regex(/^(compound|community):\d{1,9}$/, 'field.choice'),
  bodyId: z
    .union([z.literal(''), ZId])
    .optional()
    .transform((v) => v || undefined),
  location: z.string().trim().min(2, 'field.location').max(100, 'field.location'),
  mode: z.enum(['IN_PERSON', 'ONLINE', 'BOTH']),
  onlineUrl: z.string().max(600, 'meeting.onlineUrlHttps').optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date'),
  time: ZTime,
  duration: z.coerce.number({ message: 'field.duration' }).int().min(15, 'field.duration').max(600, 'field.duration'),
  repeat: z.enum(['NONE', 'MONTHLY', 'QUARTERLY', 'WEEKLY']),
  monthDays: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number),
    )
    .pipe(z.array(z.number().int().min(1, 'field.monthDays').max(31, 'field.monthDays'))),
  weekday: z.coerce.number().int().min(0).max(6).default(1),
  shift: z.preprocess((v) => v === 'on', z.boolean()),
  open: z.preprocess((v) => v === 'on', z.boolean()),
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
  // Residents' meetings and owners' committees (decision 068): no preselected electorate; a short notice confirmed with a reason.
  electorate: z.preprocess((v) => v || undefined, z.enum(['ADULT_RESIDENTS', 'HOUSEHOLDS', 'GROUP_REPRESENTATIVES']).optional()),
  shortNoticeReason: z.string().trim().max(300).optional(),
  shortNoticeConfirm: z.preprocess((v) => v === 'on', z.boolean()),
});

const saved = (key: string, data?: unknown) => async () => ({ ...(await say('meetings.form', key)), data });
const optionalId = z
  .union([z.literal(''), ZId])
  .optional()
  .transform((v) => v || undefined);
const ZMeeting = z.object({ meetingId: ZId });

// Organisers' commands need meeting.manage where the meeting is (the use case checks that place);
// signing in and answering an invitation are an invitee's own acts (signed-in; the use case checks the invite).

export const scheduleAction = command({
  who: 'meeting.manage',
  input: ZSchedule,
  run: async (by, i, ctx) => {
    const [level, id] = i.place.split(':') as ['compound' | 'community', string];
    const communityId =
      level === 'community' ? Number(id) : ((await ancestryOf({ level, id: Number(id) }))?.community ?? refuse('meeting.placeUnknown'));
    const base = {
      ...(typeOf(i.kind) ?? { kind: i.kind as TMeetingKind }),
      hosts: hostsOf(ctx.form),
      title: i.title,
      communityId,
      compoundId: level === 'compound' ? Number(id) : undefined,
      bodyId: i.bodyId,
      location: i.location,
      mode: i.mode,
      onlineUrl: i.onlineUrl,
      startMinute: i.time,
      durationMinutes: i.duration,
      electorate: i.electorate,
      shortNoticeReason: i.shortNoticeConfirm ? i.shortNoticeReason : undefined,
      open: i.open,
    };
    if (i.repeat === 'NONE') return scheduleMeeting(by, { ...base, date: i.date, idempotencyKey: i.idempotencyKey });
    if (i.repeat !== 'WEEKLY' && i.monthDays.length === 0) refuse('field.monthDays');
    const rule = i.repeat === 'WEEKLY' ? { freq: 'WEEKLY' as const, weekdays: [i.weekday] } : { freq: i.repeat, monthDays: i.monthDays };
    return scheduleSeries(by, { ...base, rule, from: i.date, shiftOffHolidays: i.shift, idempotencyKey: i.idempotencyKey });
  },
  // Dates in a year the district's working calendar does not know yet come back with a warning and its calendar's link.
  done: async (r) => {
    const warning = await calendarWarning(r.uncovered, r.districtId);
    return 'meetings' in r && typeof r.meetings === 'number'
      ? { ...(await say('meetings.form', 'series', { count: r.meetings })), data: { warning } }
      : saved('scheduled', { id: r.id, warning })();
  },
  refresh: true,
});

export const signInAction = command({
  who: 'signed-in',
  input: z.object({ meetingId: ZId, token: z.string().max(100) }),
  run: (by, { meetingId, token }) => signInByQr(by, meetingId, token),
  done: saved('signedIn'),
  refresh: true,
});

export const markAction = command({
  who: 'meeting.manage',
  input: z.object({ meetingId: ZId, personId: ZId, online: z.preprocess((v) => v === '1', z.boolean()) }),
  run: (by, { meetingId, personId, online }) => markAttendance(by, meetingId, personId, online),
  done: saved('marked'),
  refresh: true,
});

/** An invitee of an online or hybrid meeting signs in from wherever they take part (decision 059). */
export const signInOnlineAction = command({
  who: 'signed-in',
  input: ZMeeting,
  run: (by, { meetingId }) => signInOnline(by, meetingId),
  done: saved('signedIn'),
  refresh: true,
});

export const rsvpAction = command({
  who: 'signed-in',
  input: z.object({ meetingId: ZId, answer: z.enum(['YES', 'NO']) }),
  run: (by, { meetingId, answer }) => rsvp(by, meetingId, answer),
  done: saved('saved'),
  refresh: true,
});

export const closeAction = command({
  who: 'meeting.manage',
  input: ZMeeting,
  run: (by, { meetingId }) => closeMeeting(by, meetingId),
  done: saved('closed'),
  refresh: true,
});

export const agendaAction = command({
  who: 'meeting.manage',
  input: z.object({
    meetingId: ZId,
    title: z.string().trim().min(2, 'field.agendaTitle').max(100, 'field.agendaTitle'),
    topicId: optionalId,
  }),
  run: (by, { meetingId, title, topicId }) => addAgendaItem(by, meetingId, { title, topicId }),
  done: saved('saved'),
  refresh: true,
});

export const agendaRecordAction = command({
  who: 'meeting.manage',
  input: z.object({
    itemId: ZId,
    discussion: z.string().trim().max(4000),
    outcome: z.string().trim().min(1, 'field.outcome').max(1000, 'field.outcome'),
  }),
  run: (by, { itemId, discussion, outcome }) => recordAgendaItem(by, itemId, { discussion, outcome }),
  done: saved('saved'),
  refresh: true,
});

export const minutesAction = command({
  who: 'meeting.manage',
  input: z.object({
    meetingId: ZId,
    body: z.string().trim().max(20_000).default(''),
    step: z.enum(['SAVE', 'CIRCULATED', 'APPROVED', 'PUBLISH']),
  }),
  run: async (by, { meetingId, body, step }) => {
    if (step === 'SAVE') {
      if (body.length < 5) refuse('field.minutes');
      await saveMinutes(by, meetingId, body);
    } else if (step === 'PUBLISH') await publishMinutes(by, meetingId);
    else await advanceMinutes(by, meetingId, step);
  },
  done: saved('saved'),
  refresh: true,
});

const ZVisit = z.object({
  meetingId: ZId,
  name: ZName,
  phone: z
    .union([z.literal(''), ZPhone])
    .optional()
    .transform((x) => x || undefined),
  matter: z.string().trim().min(5, 'field.description').max(2000, 'field.description'),
  categoryId: optionalId,
  compoundId: optionalId,
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/),
});

export const visitAction = command({
  who: 'meeting.manage',
  input: ZVisit,
  run: (by, v) => {
    const issue =
      v.categoryId && v.compoundId
        ? { categoryId: v.categoryId, compoundId: v.compoundId, title: v.matter.slice(0, 30), idempotencyKey: v.idempotencyKey }
        : undefined;
    return logVisit(by, v.meetingId, { name: v.name, phone: v.phone, matter: v.matter, issue });
  },
  done: (r) => saved(r.issueId ? 'visitIssue' : 'visit', { issueId: r.issueId })(),
  refresh: true,
});

export const publishMinutesAction = command({
  who: 'meeting.manage',
  input: ZMeeting,
  run: (by, { meetingId }) => publishMinutes(by, meetingId),
  done: saved('saved'),
  refresh: true,
});
