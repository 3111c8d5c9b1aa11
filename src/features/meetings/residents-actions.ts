'use server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { ZId, ZText } from '@/features/shared/forms';
import { markResidentPresent, saveBuildingAttendance } from '@/server/meetings/households';
import { callRequestedMeeting, closeRequest, startRequest, supportRequest, withdrawSupport } from '@/server/meetings/requests';

// Residents' meetings (decision 068): staff record households present; residents ask for a meeting (art. 10). Every
// command is checked by its use case at the meeting's or community's place; requests are residents' own acts.

const ids = (fd: FormData, name: string) =>
  fd
    .getAll(name)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
const ZRequest = z.object({ requestId: ZId });

/** One building's ticks; the "整栋全选" button sends all=1 (works before JavaScript loads). */
export const saveBuildingAction = command({
  who: 'meeting.manage',
  input: z.object({ meetingId: ZId, buildingId: ZId, all: z.preprocess((v) => v === '1', z.boolean()) }),
  run: (by, { meetingId, buildingId, all }, ctx) =>
    saveBuildingAttendance(by, meetingId, {
      buildingId,
      all,
      householdIds: ids(ctx.form, 'householdIds'),
      shownIds: ids(ctx.form, 'shownIds'),
    }),
  done: (r) => say('meetings.residents', 'saved', { present: r.present }),
  refresh: true,
});

export const markResidentAction = command({
  who: 'meeting.manage',
  input: z.object({ meetingId: ZId, personId: ZId }),
  run: (by, { meetingId, personId }) => markResidentPresent(by, meetingId, personId),
  done: () => say('meetings.residents', 'personMarked'),
  refresh: true,
});

export const startRequestAction = command({
  who: 'meeting.request',
  input: z.object({
    communityId: ZId,
    basis: z.enum(['ADULTS', 'HOUSEHOLDS', 'GROUPS'], { message: 'field.choice' }),
    matter: ZText(1000),
    idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
  }),
  run: (by, input) => startRequest(by, input),
  done: async ({ id }) => ({ ...(await say('meetings.requests', 'started')), data: { id } }),
});

export const supportRequestAction = command({
  who: 'meeting.request',
  input: ZRequest,
  run: (by, { requestId }) => supportRequest(by, requestId),
  done: () => say('meetings.requests', 'supported'),
  refresh: true,
});

export const withdrawSupportAction = command({
  who: 'meeting.request',
  input: ZRequest,
  run: (by, { requestId }) => withdrawSupport(by, requestId),
  done: () => say('meetings.requests', 'withdrawn'),
  refresh: true,
});

export const callRequestAction = command({
  who: 'meeting.manage',
  input: ZRequest.extend({ meetingId: ZId }),
  run: (by, { requestId, meetingId }) => callRequestedMeeting(by, requestId, meetingId),
  done: () => say('meetings.requests', 'called'),
  refresh: true,
});

/** Staff close a request, or its starter withdraws it: the use case tells which. */
export const closeRequestAction = command({
  who: 'signed-in',
  input: ZRequest.extend({ reason: ZText(300) }),
  run: (by, { requestId, reason }) => closeRequest(by, requestId, reason),
  done: () => say('meetings.requests', 'closed'),
  refresh: true,
});
