import { z } from 'zod';
import { ZId } from '@/features/shared/forms';
import { FIRST_RESPONDERS } from '@/domain/issues/first-responders';

const minutes = (max: number) =>
  z.coerce
    .number({ message: 'field.officeMinutes' })
    .int('field.officeMinutes')
    .min(1, 'field.officeMinutes')
    .max(max, 'field.officeMinutes');

const category = {
  districtId: ZId,
  nameZh: z.string().trim().min(1, 'field.categoryName').max(20, 'field.categoryName'),
  nameEn: z.string().trim().min(1, 'field.categoryName').max(40, 'field.categoryName'),
  handlerRole: z.enum(FIRST_RESPONDERS, { message: 'field.choice' }),
  // Office minutes (09:00–12:00, 13:30–17:30 on working days); at most ten working days.
  acknowledgeMinutes: minutes(4200),
  resolveWorkingDays: z.coerce
    .number({ message: 'field.workingDays' })
    .int('field.workingDays')
    .min(1, 'field.workingDays')
    .max(60, 'field.workingDays'),
  remindBeforeMinutes: minutes(4200),
  // Around the clock (24/7, decision 047): plain minutes, nights and holidays included; resolving within a week at most.
  aroundTheClock: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  resolveMinutes: z.coerce
    .number({ message: 'field.clockMinutes' })
    .int('field.clockMinutes')
    .min(1, 'field.clockMinutes')
    .max(10080, 'field.clockMinutes'),
  active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
};

export const ZSaveCategory = z.object({ ...category, categoryId: ZId });
export const ZAddCategory = z.object({
  ...category,
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,19}$/, 'field.categoryCode'),
});

export const ZAddCalendarDay = z.object({
  districtId: ZId,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'field.date'),
  kind: z.enum(['HOLIDAY', 'WORKDAY'], { message: 'field.choice' }),
  note: z.string().trim().min(1, 'field.dayNote').max(40, 'field.dayNote'),
});
export const ZRemoveCalendarDay = z.object({ districtId: ZId, dayId: ZId });
