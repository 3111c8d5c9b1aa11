import { z } from 'zod';
import { OFFICER_POSITIONS, PARTY_ORG_KINDS } from '@/domain/party/levels';
import { ZDate, ZId, ZPhone, ZText } from '@/features/shared/forms';

const ZOptionalId = z
  .union([z.literal(''), ZId])
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : v));

/** "street:12", "community:3", "grid:4", "compound:5" or "building:6": where the new organisation sits. */
const ZPlace = z.string().regex(/^(street|community|grid|compound|building):\d+$/, 'field.choice');

export const ZCreatePartyOrg = z.object({
  kind: z.enum(PARTY_ORG_KINDS, { message: 'field.choice' }),
  name: ZText(60),
  place: ZPlace,
  parentId: ZOptionalId,
});
export const ZRenamePartyOrg = z.object({ partyOrgId: ZId, name: ZText(60) });
export const ZDissolvePartyOrg = z.object({ partyOrgId: ZId });
export const ZMergePartyOrgs = z.object({ fromId: ZId, intoId: ZId });
export const ZAppointOfficer = z.object({
  partyOrgId: ZId,
  name: ZText(30),
  phone: z
    .union([z.literal(''), ZPhone])
    .optional()
    .transform((v) => v || undefined),
  position: z.enum(OFFICER_POSITIONS, { message: 'field.choice' }),
  startsOn: ZDate,
  organizationId: ZOptionalId,
});
export const ZEndOfficer = z.object({ postId: ZId, endsOn: ZDate });

export const CONTACT_KINDS = ['OFFICER_TO_BUILDING_HEAD', 'BUILDING_HEAD_TO_PARTY_HOUSEHOLD', 'PARTY_HOUSEHOLD_TO_RESIDENT'] as const;
export const ZAssignContact = z.object({
  partyOrgId: ZId,
  kind: z.enum(CONTACT_KINDS, { message: 'field.choice' }),
  keeperId: ZId,
  keptId: ZId,
  startsOn: ZDate,
});
export const ZEndContact = z.object({ linkId: ZId, endsOn: ZDate });
