'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { TFormState } from '@/components/action-form';
import { formObject, ZName, ZPhone } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';
import { meetingKinds } from '@/domain/meetings/meetings';
import { refuse } from '@/server/errors';
import { closeMeeting, markAttendance, rsvp, signInByQr } from '@/server/meetings/attendance';
import { addAgendaItem, advanceMinutes, logVisit, publishMinutes, recordAgendaItem, saveMinutes } from '@/server/meetings/records';
import { scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.time').transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));
const ZSchedule = z.object({
  kind: z.enum(meetingKinds, { message: 'field.choice' }),
  title: z.string().trim().min(2, 'field.meetingTitle').max(60, 'field.meetingTitle'),
  place: z.string().regex(/^(compound|community):\d{1,9}$/, 'field.choice'),
  bodyId: z.union([z.literal(''), ZId]).optional().transform((v) => v || undefined),
  location: z.string().trim().min(2, 'field.location').max(100, 'field.location'),
  mode: z.enum(['IN_PERSON', 'ONLINE', 'BOTH']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date'),
  time: ZTime,
  duration: z.coerce.number({ message: 'field.duration' }).int().min(15, 'field.duration').max(600, 'field.duration'),
  repeat: z.enum(['NONE', 'MONTHLY', 'QUARTERLY', 'WEEKLY']),
  monthDays: z.string().default('').transform((s) => s.split(/[^0-9]+/).filter(Boolean).map(Number)).pipe(z.array(z.number().int().min(1, 'field.monthDays').max(31, 'field.monthDays'))),
  weekday: z.coerce.number().int().min(0).max(6).default(1),
  shift: z.preprocess((v) => v === 'on', z.boolean()),
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
});

const by = actionBy;
async function done(key: string, data?: unknown) {
  revalidatePath('/[locale]/meetings/[id]', 'page');
  return { ok: true, message: (await getTranslations('meetings.form'))(key as 'saved'), data };
}

export async function scheduleAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const i = ZSchedule.parse(formObject(fd));
    const b = await by();
    const [level, id] = i.place.split(':') as ['compound' | 'community', string];
    const { getDb } = await import('@/server/db');
    const communityId = level === 'community' ? Number(id) : ((await getDb().compound.findUnique({ where: { id: Number(id) }, select: { communityId: true } }))?.communityId ?? refuse('meeting.placeUnknown'));
    const base = { kind: i.kind, title: i.title, communityId: communityId as number, compoundId: level === 'compound' ? Number(id) : undefined, bodyId: i.bodyId, location: i.location, mode: i.mode, startMinute: i.time, durationMinutes: i.duration };
    if (i.repeat === 'NONE') {
      const { id: mid } = await scheduleMeeting(b, { ...base, date: i.date, idempotencyKey: i.idempotencyKey });
      return done('scheduled', { id: mid });
    }
    if (i.repeat !== 'WEEKLY' && i.monthDays.length === 0) refuse('field.monthDays');
    const rule = i.repeat === 'WEEKLY' ? { freq: 'WEEKLY' as const, weekdays: [i.weekday] } : { freq: i.repeat, monthDays: i.monthDays };
    const { meetings } = await scheduleSeries(b, { ...base, rule, from: i.date, shiftOffHolidays: i.shift, idempotencyKey: i.idempotencyKey });
    return { ok: true, message: (await getTranslations('meetings.form'))('series', { count: meetings }) };
  });
}

const ZMeeting = z.object({ meetingId: ZId });
export async function signInAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { meetingId, token } = z.object({ meetingId: ZId, token: z.string().max(100) }).parse(formObject(fd));
    await signInByQr(await by(), meetingId, token);
    return done('signedIn');
  });
}
export async function markAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { meetingId, personId } = z.object({ meetingId: ZId, personId: ZId }).parse(formObject(fd));
    await markAttendance(await by(), meetingId, personId);
    return done('marked');
  });
}
export async function rsvpAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { meetingId, answer } = z.object({ meetingId: ZId, answer: z.enum(['YES', 'NO']) }).parse(formObject(fd));
    await rsvp(await by(), meetingId, answer);
    return done('saved');
  });
}
export async function closeAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    await closeMeeting(await by(), ZMeeting.parse(formObject(fd)).meetingId);
    return done('closed');
  });
}
export async function agendaAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { meetingId, title, topicId } = z.object({ meetingId: ZId, title: z.string().trim().min(2, 'field.agendaTitle').max(100, 'field.agendaTitle'), topicId: z.union([z.literal(''), ZId]).optional().transform((v) => v || undefined) }).parse(formObject(fd));
    await addAgendaItem(await by(), meetingId, { title, topicId });
    return done('saved');
  });
}
export async function agendaRecordAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { itemId, discussion, outcome } = z.object({ itemId: ZId, discussion: z.string().trim().max(4000), outcome: z.string().trim().min(1, 'field.outcome').max(1000, 'field.outcome') }).parse(formObject(fd));
    await recordAgendaItem(await by(), itemId, { discussion, outcome });
    return done('saved');
  });
}
export async function minutesAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { meetingId, body, step } = z.object({ meetingId: ZId, body: z.string().trim().max(20_000).default(''), step: z.enum(['SAVE', 'CIRCULATED', 'APPROVED', 'PUBLISH']) }).parse(formObject(fd));
    const b = await by();
    if (step === 'SAVE') {
      if (body.length < 5) refuse('field.minutes');
      await saveMinutes(b, meetingId, body);
    } else if (step === 'PUBLISH') await publishMinutes(b, meetingId);
    else await advanceMinutes(b, meetingId, step);
    return done('saved');
  });
}
export async function visitAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const v = z.object({
      meetingId: ZId, name: ZName, phone: z.union([z.literal(''), ZPhone]).optional().transform((x) => x || undefined),
      matter: z.string().trim().min(5, 'field.description').max(2000, 'field.description'),
      categoryId: z.union([z.literal(''), ZId]).optional().transform((x) => x || undefined),
      compoundId: z.union([z.literal(''), ZId]).optional().transform((x) => x || undefined),
      idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/),
    }).parse(formObject(fd));
    const issue = v.categoryId && v.compoundId ? { categoryId: v.categoryId, compoundId: v.compoundId, title: v.matter.slice(0, 30), idempotencyKey: v.idempotencyKey } : undefined;
    const r = await logVisit(await by(), v.meetingId, { name: v.name, phone: v.phone, matter: v.matter, issue });
    return done(r.issueId ? 'visitIssue' : 'visit', { issueId: r.issueId });
  });
}

export async function publishMinutesAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    await publishMinutes(await by(), ZMeeting.parse(formObject(fd)).meetingId);
    return done('saved');
  });
}
