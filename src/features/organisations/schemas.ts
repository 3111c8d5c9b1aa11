import { z } from 'zod';
import { organizationKinds, organizationRelations } from '@/domain/organisation/organisations';
import { ZPhone } from '@/features/shared/forms';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZText = (max: number) => z.string().trim().min(1, 'field.required').max(max, 'field.required');
const ZOptional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => s || undefined);
const ZCheck = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date');

export const ZOrganization = z.object({
  kind: z.enum(organizationKinds, { message: 'field.choice' }),
  name: ZText(80),
  creditCode: ZOptional(30),
  phone: ZOptional(20),
  hasPartyOrg: ZCheck,
});
export const ZRegisterOrganization = ZOrganization.extend({ districtId: ZId });
export const ZUpdateOrganization = ZOrganization.extend({ organizationId: ZId });

export const ZAssign = z.object({
  organizationId: ZId,
  relation: z.enum(organizationRelations, { message: 'field.choice' }),
  place: z.string().regex(/^(community|compound):\d+$/, 'field.choice'),
  startsOn: ZDate,
  endsOn: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || undefined)
    .pipe(ZDate.optional()),
});
export const ZEndAssignment = z.object({ assignmentId: ZId, lastDay: ZDate });

export const ZFirmStaff = z.object({ organizationId: ZId, name: ZText(30), phone: ZPhone, title: ZText(20) });
export const ZEndFirmStaff = z.object({ memberId: ZId });
