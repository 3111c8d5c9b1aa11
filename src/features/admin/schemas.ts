import { z } from 'zod';
import { GRANTED_ROLE_LEVEL } from '@/domain/authz/roles';
import { placeLevels } from '@/domain/territory/places';
import { ZCheck, ZId, ZPhone } from '@/features/shared/forms';
import { ZRelation } from '@/features/accounts/schemas';

export const ZReviewClaim = z
  .object({
    claimId: ZId,
    decision: z.enum(['approve', 'reject'], { message: 'field.choice' }),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.reason ?? '').length > 0, { path: ['reason'], message: 'field.reason' });

export const ZInvitations = z.object({ compoundId: ZId, buildingId: z.union([z.literal(''), ZId]).optional() });

export const ZDeskAccount = z.object({
  compoundId: ZId,
  building: z.string().trim().min(1, 'field.required').max(30),
  unitNo: z.string().trim().max(10).default('1'),
  roomNo: z.string().trim().min(1, 'field.required').max(20),
  relation: ZRelation,
  name: z.string().trim().min(1, 'field.name').max(30, 'field.name'),
  phone: ZPhone,
});

/** smsToPhone: staff confirmed the number on file is still the resident's (unticked by default: the code is printed). */
export const ZResetByPhone = z.object({ phone: ZPhone, smsToPhone: ZCheck });

export const ZRosterCompound = z.object({ compoundId: ZId });

export const ZStaff = z.object({
  name: z.string().trim().min(1, 'field.name').max(30, 'field.name'),
  phone: ZPhone,
  role: z.enum(Object.keys(GRANTED_ROLE_LEVEL) as [keyof typeof GRANTED_ROLE_LEVEL], { message: 'field.choice' }),
  place: z.string().regex(new RegExp(`^(${placeLevels.join('|')}):\\d+$`), 'field.choice'),
});

export const ZRevoke = z.object({ grantId: ZId });
