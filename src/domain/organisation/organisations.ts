/**
 * Organisations of a district (issue 18 item 4): property firms, co-building units (共建单位), stationed units (驻区单位),
 * nearby firms (辖区企业), social organisations, social enterprises, residents' self-organisations (自组织) and mediation
 * studios (调解工作室, decision 062); where each
 * kind may be assigned (a compound or a community) and with which relation; the credit code (统一社会信用代码).
 */
export const organizationKinds = [
  'PROPERTY_FIRM',
  'CO_BUILDING_UNIT',
  'STATIONED_UNIT',
  'NEARBY_FIRM',
  'SOCIAL_ORG',
  'SOCIAL_ENTERPRISE',
  'SELF_ORGANIZATION',
  'MEDIATION_STUDIO',
] as const;
export type TOrganizationKind = (typeof organizationKinds)[number];

export const organizationRelations = ['PROPERTY_SERVICE', 'CO_BUILDING', 'STATIONED', 'SERVICE', 'SELF_ORGANIZED'] as const;
export type TOrganizationRelation = (typeof organizationRelations)[number];

export type TAssignmentLevel = 'community' | 'compound';

type TRule = { relations: readonly TOrganizationRelation[]; levels: readonly TAssignmentLevel[]; group: TStakeholderGroup };

/** The 1+4+X groups an organisation is invited in: the property firm is one of the 4, every other kind an X. */
export type TStakeholderGroup =
  'PROPERTY_FIRM' | 'CO_BUILDING' | 'STATIONED_UNIT' | 'NEARBY_FIRM' | 'SOCIAL_ORG' | 'SOCIAL_ENTERPRISE' | 'SELF_ORG';

const RULES: Record<TOrganizationKind, TRule> = {
  // A property firm manages a compound (物业服务), one firm at a time.
  PROPERTY_FIRM: { relations: ['PROPERTY_SERVICE'], levels: ['compound'], group: 'PROPERTY_FIRM' },
  // Units that pair with a community (结对共建) or are stationed in it (驻区单位, often also co-building).
  CO_BUILDING_UNIT: { relations: ['CO_BUILDING'], levels: ['community'], group: 'CO_BUILDING' },
  STATIONED_UNIT: { relations: ['STATIONED', 'CO_BUILDING'], levels: ['community'], group: 'STATIONED_UNIT' },
  NEARBY_FIRM: { relations: ['SERVICE', 'CO_BUILDING'], levels: ['community'], group: 'NEARBY_FIRM' },
  // Social organisations and enterprises serve a community or one compound; residents organise themselves in either.
  SOCIAL_ORG: { relations: ['SERVICE'], levels: ['community', 'compound'], group: 'SOCIAL_ORG' },
  SOCIAL_ENTERPRISE: { relations: ['SERVICE'], levels: ['community', 'compound'], group: 'SOCIAL_ENTERPRISE' },
  SELF_ORGANIZATION: { relations: ['SELF_ORGANIZED'], levels: ['community', 'compound'], group: 'SELF_ORG' },
  // A professional mediation studio (调解工作室) serves a community; its staff mediate the cases they are named on (decision 062).
  MEDIATION_STUDIO: { relations: ['SERVICE'], levels: ['community'], group: 'SOCIAL_ORG' },
};

export const relationsOf = (kind: TOrganizationKind) => RULES[kind].relations;
export const levelsOf = (kind: TOrganizationKind) => RULES[kind].levels;
export const stakeholderGroupOf = (kind: TOrganizationKind): TStakeholderGroup => RULES[kind].group;

/** The refusal for assigning an organisation of this kind with this relation at this level, or null. */
export function assignmentRefusal(kind: TOrganizationKind, relation: TOrganizationRelation, level: TAssignmentLevel): string | null {
  const rule = RULES[kind];
  if (!rule.relations.includes(relation)) return 'organization.wrongRelation';
  if (rule.levels.includes(level)) return null;
  return level === 'community' ? 'organization.needsCompound' : 'organization.communityOnly';
}

/** Whether an assignment serves on that day: from its first day to its last, both included (ISO dates). */
export const isServing = (a: { startsOn: string; endsOn: string | null }, today: string) =>
  a.startsOn <= today && (a.endsOn === null || today <= a.endsOn);

// GB 32100-2015: 18 characters from 31 (digits and capitals without I, O, Z, S, V); the last is a check character.
const CODE_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const normaliseCreditCode = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** The refusal for a (normalised) credit code, or null when it is well formed and its check character is right. */
export function creditCodeRefusal(code: string): string | null {
  if (code.length !== 18) return 'organization.creditCodeLength';
  const values = [...code].map((c) => CODE_SET.indexOf(c));
  if (values.some((v) => v < 0)) return 'organization.creditCodeChars';
  const sum = WEIGHTS.reduce((s, w, i) => s + w * values[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  return values[17] === check ? null : 'organization.creditCodeCheck';
}

/** An organisation's phone: a mobile number (normalised) or a landline with its area code (028-85551234); else null. */
export function normaliseOrganizationPhone(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const mobile = s.replace(/-/g, '').replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  // Without a dash the area code's length is unknown (028 or 0288): kept as written.
  return /^0\d{2,3}-\d{7,8}$/.test(s) || /^0\d{9,11}$/.test(s) ? s : null;
}
