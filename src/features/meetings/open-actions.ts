'use server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { fromChinaLocal } from '@/server/issues/clock';
import { approveMeeting, proposeAgain, returnMeeting } from '@/server/meetings/approval';
import { addWalkIn } from '@/server/meetings/open';

// Open meetings and the branch's 主题党日 (decision 067). Each use case checks the permission at the meeting's place:
// walk-ins and proposing again need meeting.manage there, deciding needs meeting.approve there.

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const optionalId = z
  .union([z.literal(''), ZId])
  .optional()
  .transform((v) => v || undefined);
const said = (group: string, key: string) => async () => say(group, key);

export const walkInAction = command({
  who: 'meeting.manage',
  input: z.object({
    meetingId: ZId,
    name: z.string().max(200).default(''),
    personId: optionalId,
    idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
  }),
  run: (by, i) => addWalkIn(by, i.meetingId, { name: i.name, personId: i.personId, idempotencyKey: i.idempotencyKey }),
  done: said('meetings.open', 'added'),
  refresh: true,
});

export const approveAction = command({
  who: 'meeting.approve',
  input: z.object({ meetingId: ZId, guidance: z.string().max(2000).default('') }),
  run: (by, i) => approveMeeting(by, i.meetingId, i.guidance),
  done: said('meetings.approval', 'approved'),
  refresh: true,
});

export const returnAction = command({
  who: 'meeting.approve',
  input: z.object({ meetingId: ZId, reason: z.string().max(2000).default('') }),
  run: (by, i) => returnMeeting(by, i.meetingId, i.reason),
  done: said('meetings.approval', 'returned'),
  refresh: true,
});

export const proposeAgainAction = command({
  who: 'meeting.manage',
  input: z.object({
    meetingId: ZId,
    title: z.string().trim().min(2, 'field.meetingTitle').max(60, 'field.meetingTitle'),
    location: z.string().trim().min(2, 'field.location').max(100, 'field.location'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.time'),
  }),
  run: (by, i) => {
    const startsAt = fromChinaLocal({ date: i.date, minute: Number(i.time.slice(0, 2)) * 60 + Number(i.time.slice(3)) });
    if (Number.isNaN(startsAt.getTime())) refuse('field.date');
    return proposeAgain(by, i.meetingId, { title: i.title, location: i.location, startsAt });
  },
  done: said('meetings.approval', 'proposed'),
  refresh: true,
});
