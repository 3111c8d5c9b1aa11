import { z } from 'zod';
import { parseCoordinates } from '@/domain/open311/places';
import { parseAreaM2 } from '@/domain/shared/area';
import { ZCheck, ZDate, ZId, ZOptional, ZPhone, ZText } from '@/features/shared/forms';

const ZList = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(/[,，、\s]+/).filter(Boolean));

export const ZCompound = z.object({
  name: ZText(40),
  address: ZOptional(100),
  developerName: ZOptional(60),
  /** "纬度, 经度" copied from a map; empty for none. */
  location: ZOptional(60).transform((s, ctx) => {
    if (!s) return null;
    return parseCoordinates(s) ?? (ctx.addIssue({ code: 'custom', message: 'field.location' }), z.NEVER);
  }),
  parkingCountsInArea: ZCheck,
  silentFollowMajority: ZCheck,
});
export const ZCreateCompound = ZCompound.extend({ communityId: ZId });
export const ZUpdateCompound = ZCompound.extend({ compoundId: ZId });

export const ZBuilding = z.object({
  compoundId: ZId,
  name: ZText(20),
  unitCount: z.coerce.number().int().min(1, 'field.choice').max(20, 'field.choice'),
});
export const ZUpdateBuilding = ZBuilding.omit({ compoundId: true }).extend({ buildingId: ZId });

export const ZHousehold = z.object({
  buildingId: ZId,
  unitNo: z
    .string()
    .trim()
    .max(10)
    .default('1')
    .transform((s) => s || '1'),
  roomNo: ZText(20),
  area: z.string().transform((s, ctx) => {
    const r = parseAreaM2(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.code });
      return z.NEVER;
    }
    return r.centiM2;
  }),
  use: z.enum(['RESIDENTIAL', 'PARKING', 'COMMERCIAL'], { message: 'field.choice' }),
  developerHeld: ZCheck,
});

export const bodyKinds = [
  'TWO_COMMITTEES',
  'RESIDENTS_COMMITTEE',
  'OWNERS_ASSEMBLY',
  'OWNERS_COMMITTEE',
  'PROPERTY_MANAGEMENT_COMMITTEE',
  'SUPERVISORY_COMMITTEE',
  'RESIDENTS_REPRESENTATIVES',
  'COMMUNITY_COUNCIL',
  'COURTYARD_COUNCIL',
  'MEDIATION_COMMITTEE',
] as const;
export const ZBody = z.object({
  // From a compound's page (scope: that compound or its community), or from a community's page.
  compoundId: ZId.optional(),
  communityId: ZId.optional(),
  scope: z.enum(['compound', 'community'], { message: 'field.choice' }),
  kind: z.enum(bodyKinds, { message: 'field.choice' }),
  name: ZText(40),
  seats: z
    .union([z.literal(''), z.coerce.number().int().min(1).max(999)])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  termStartsOn: ZDate,
  termEndsOn: z
    .union([z.literal(''), ZDate])
    .optional()
    .transform((v) => v || undefined),
});

export const ZAppoint = z.object({
  bodyId: ZId,
  name: ZText(30),
  phone: z
    .union([z.literal(''), ZPhone])
    .optional()
    .transform((v) => v || undefined),
  position: z.enum(['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'], { message: 'field.choice' }),
  startsOn: ZDate,
});
export const ZEndMembership = z.object({ memberId: ZId, endsOn: ZDate });

export const ZPartyMember = z.object({
  partyOrgId: ZId,
  name: ZText(30),
  phone: ZPhone,
  workUnit: ZOptional(60),
  dualRegistered: ZCheck,
  mobile: ZCheck,
  servicePost: ZOptional(40),
  skills: ZList,
  interests: ZList,
  intentions: ZOptional(200),
});

// Streets and communities set up by hand (decision 046): the use case cleans and checks the name.
const ZKind = z.enum(['URBAN', 'VILLAGE'], { message: 'field.choice' });
export const ZCreateStreet = z.object({ districtId: ZId, name: ZText(40) });
export const ZRenameStreet = z.object({ streetId: ZId, name: ZText(40) });
export const ZCreateCommunity = z.object({ streetId: ZId, name: ZText(40), kind: ZKind });
export const ZUpdateCommunity = z.object({ communityId: ZId, name: ZText(40), kind: ZKind });
