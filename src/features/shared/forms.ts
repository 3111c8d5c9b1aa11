import { z } from 'zod';
import { parseYuan } from '@/domain/shared/money';
import { normalisePhone } from '@/domain/shared/phone';

// Form helpers every feature uses. Messages are keys of the "errors" catalogue (see runAction).

/** A person's name as typed into a form. */
export const ZName = z.string().trim().min(1, 'field.name').max(30, 'field.name');

/** A mainland mobile number in any common spelling ("138 0013 8000"), normalised to 11 digits. */
export const ZPhone = z
  .string()
  .transform((s, ctx) => normalisePhone(s) ?? (ctx.addIssue({ code: 'custom', message: 'field.phone' }), z.NEVER));

/** A form's text fields as a plain object for zod (files are read separately). */
export const formObject = (fd: FormData) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === 'string'));

/**
 * A row id chosen in a form (a select or hidden field): nothing chosen is "field.choice", or with ZIdOf a message
 * naming the field (a choice that decides routing or rights starts empty: issue 20, item 8).
 */
export const ZIdOf = (message: string) => z.coerce.number({ message }).int(message).positive(message);
export const ZId = ZIdOf('field.choice');

/** Whether "YYYY-MM-DD…" names a day of the calendar (not 2026-02-30): its parts survive a round trip through Date.UTC. */
export function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A date field (YYYY-MM-DD, as <input type="date"> sends it), and a day that exists: 2026-02-30 is refused in words. */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date')
  .refine(isCalendarDay, 'field.date');

/** Required text up to `max` characters. */
export const ZText = (max: number) => z.string().trim().min(1, 'field.required').max(max, 'field.required');

/** Optional text up to `max` characters; empty is undefined. */
export const ZOptional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => s || undefined);

/** A checkbox: ticked is true, absent is false. */
export const ZCheck = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());

/** An amount in yuan as typed ("36000", "36,000.50"), to integer fen. */
export const ZYuan = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const fen = parseYuan(v);
    return fen ?? (ctx.addIssue({ code: 'custom', message: 'field.yuan' }), z.NEVER);
  });
