'use server';
import { z } from 'zod';
import { meetingKinds } from '@/domain/meetings/meetings';
import { command, say } from '@/features/shared/command';
import { ZId } from '@/features/shared/forms';
import { signOffMinutes } from '@/server/meetings/signoff';
import { BODY_KINDS, createMeetingType, retireMeetingType, updateMeetingType } from '@/server/meetings/types';

// A district's own meeting types (decision 066): meetingType.manage, checked at the district the form names; changing
// or retiring one is checked again at the type's own district by the use case.
const flag = z.preprocess((v) => v === 'on', z.boolean());
const ZType = z.object({
  nameZh: z.string().trim().min(2, 'meetingType.name').max(20, 'meetingType.name'),
  nameEn: z.string().trim().min(2, 'meetingType.name').max(60, 'meetingType.name'),
  baseKind: z.enum(meetingKinds, { message: 'meetingType.baseKind' }),
  defaultBodyKind: z.union([z.literal(''), z.enum(BODY_KINDS)], { message: 'field.choice' }).transform((v) => v || null),
  noticeDays: z.coerce
    .number({ message: 'meetingType.noticeDays' })
    .int('meetingType.noticeDays')
    .min(0, 'meetingType.noticeDays')
    .max(60, 'meetingType.noticeDays'),
  open: flag,
  needsApproval: flag,
});
const saved = () => say('admin.meetingTypes', 'saved');

export const createTypeAction = command({
  who: 'meetingType.manage',
  input: ZType.extend({
    districtId: ZId,
    code: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'meetingType.code')),
  }),
  target: async ({ districtId }) => ({ district: districtId }),
  run: (by, { districtId, ...input }) => createMeetingType(by, districtId, input),
  done: saved,
  refresh: true,
});

export const updateTypeAction = command({
  who: 'meetingType.manage',
  input: ZType.extend({ typeId: ZId }),
  run: (by, { typeId, ...input }) => updateMeetingType(by, typeId, input),
  done: saved,
  refresh: true,
});

export const retireTypeAction = command({
  who: 'meetingType.manage',
  input: z.object({ typeId: ZId }),
  run: (by, { typeId }) => retireMeetingType(by, typeId),
  done: saved,
  refresh: true,
});

/** A host's chair signs off the minutes, or the meeting's organiser signs on the chair's behalf (the use case decides). */
export const signOffAction = command({
  who: 'signed-in',
  input: z.object({ meetingId: ZId, hostId: ZId }),
  run: (by, { meetingId, hostId }) => signOffMinutes(by, meetingId, hostId),
  done: (r) => say('meetings.signoff', r.approved ? 'doneApproved' : 'done'),
  refresh: true,
});
