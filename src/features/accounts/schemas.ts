import { z } from 'zod';
import { CHANNELS, NOTIFY_GROUPS, type TChoices } from '@/domain/messages/channels';
import { ZIdOf, ZName, ZPhone } from '@/features/shared/forms';

// Messages are keys of the "errors" catalogue (see runAction).
const ZPassword = z.string().min(8, 'field.password').max(200, 'field.password');
const ZCode = z
  .string()
  .trim()
  .regex(/^[0-9a-zA-Z]{4}-?[0-9a-zA-Z]{4}$/, 'field.code');
export const ZRelation = z.enum(['OWNER', 'FAMILY', 'TENANT'], { message: 'field.relation' });

export const ZRegister = z
  .object({
    name: ZName,
    phone: ZPhone,
    password: ZPassword,
    confirm: z.string(),
    compoundId: ZIdOf('field.compound'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'field.passwordMatch' });
export type TRegister = z.infer<typeof ZRegister>;
/** Step 2 of registration: the number again and the 6-digit code sent to it. */
export const ZRegisterCode = z.object({
  phone: ZPhone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'field.smsCode'),
});

export const ZClaim = z.object({ code: ZCode, relation: ZRelation });

export const ZChangePassword = z
  .object({ current: z.string().min(1, 'field.required'), password: ZPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'field.passwordMatch' });

export const ZReset = z
  .object({ phone: ZPhone, code: ZCode, password: ZPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'field.passwordMatch' });

/** An e-mail address for notifications; empty removes it. */
export const ZEmail = z.object({
  email: z
    .string()
    .trim()
    .max(200, 'field.email')
    .transform((v, ctx) => {
      if (!v) return null;
      return z.email().safeParse(v).success ? v.toLowerCase() : (ctx.addIssue({ code: 'custom', message: 'field.email' }), z.NEVER);
    }),
});

/** The channel choices form (decision 056): a ticked box is sent as "GROUP.CHANNEL"; an unticked one is not sent (off). */
export const ZChannels = z.record(z.string(), z.string()).transform((raw) => ({
  choices: Object.fromEntries(
    NOTIFY_GROUPS.map((g) => [g, Object.fromEntries(CHANNELS.map((c) => [c, raw[`${g}.${c}`] !== undefined]))]),
  ) as TChoices,
  digest: raw.digest !== undefined,
}));
