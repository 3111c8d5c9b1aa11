import { z } from 'zod';
import { organizationKinds, organizationRelations } from '@/domain/organisation/organisations';
import { ZCheck, ZDate, ZId, ZOptional, ZPhone, ZText } from '@/features/shared/forms';

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
