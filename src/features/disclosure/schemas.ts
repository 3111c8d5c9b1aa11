import { z } from 'zod';
import { ZDate, ZId, ZOptional, ZText } from '@/features/shared/forms';

// Forms of the disclosure catalogue (decision 070). No choice starts preselected: category, discloser, cadence, the
// item and the place of an event are chosen by the person.

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'field.choice' });
const ZKey = z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey');
const ZSlotRef = z.string().regex(/^\d{1,9}_\d{1,9}_\d{1,9}_(\d{4}(-Q[1-4]|-\d{2})?|E\d{1,9})$/, 'field.choice');
const ZDays = (min: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number({ message: 'field.count' }).int('field.count').min(min, 'field.count').max(365, 'field.count').optional(),
  );

export const ZItem = z.object({
  districtId: ZId,
  category: choice(['PARTY', 'RESIDENTS', 'FINANCE'] as const),
  discloser: choice(['COMMUNITY', 'OWNERS_COMMITTEE', 'PROPERTY_FIRM'] as const),
  cadence: choice(['MONTHLY', 'QUARTERLY', 'YEARLY', 'EVENT'] as const),
  withinDays: ZDays(1),
  graceDays: ZDays(0),
  periodDays: ZDays(1),
  name: ZText(60),
  titleTemplate: ZText(120),
  bodyTemplate: ZOptional(4000),
  startsOn: ZDate,
  idempotencyKey: ZKey,
});
export const ZRetire = z.object({ itemId: ZId });
export const ZCopyDefault = z.object({ districtId: ZId, startsOn: ZDate });

export const ZPublish = z.object({ slot: ZSlotRef, title: ZText(120), body: ZText(10_000) });
export const ZWaive = z.object({ slot: ZSlotRef, reason: ZText(500) });
export const ZPhoto = z.object({ slot: ZSlotRef });
export const ZEvent = z.object({
  /** "itemId:communityId:compoundId" (0 for the community's own), one row of the list of event items and places. */
  target: z.string().regex(/^\d{1,9}:\d{1,9}:\d{1,9}$/, 'field.choice'),
  occurredOn: ZDate,
  description: ZText(200),
  idempotencyKey: ZKey,
});
