import { z } from 'zod';
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
