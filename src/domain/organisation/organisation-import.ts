import { organizationKinds, organizationRelations, relationsOf, type TOrganizationKind, type TOrganizationRelation } from './organisations';

/**
 * Kind and relation cells of the organisation import (issue 18 item 6), as staff write them: the Chinese names the
 * pages use and their short forms, the English names, or the codes.
 */
const KIND_WORDS: Record<TOrganizationKind, readonly string[]> = {
  PROPERTY_FIRM: ['物业服务企业', '物业公司', '物业', 'property firm', 'property company'],
  CO_BUILDING_UNIT: ['共建单位', '结对共建单位', 'co-building unit'],
  STATIONED_UNIT: ['驻区单位', '驻社区单位', 'stationed unit'],
  NEARBY_FIRM: ['辖区企业', 'nearby firm'],
  SOCIAL_ORG: ['社会组织', 'social organisation', 'social organization'],
  SOCIAL_ENTERPRISE: ['社会企业', 'social enterprise'],
  SELF_ORGANIZATION: ['居民自组织', '自组织', "residents' self-organisation", 'self-organisation', 'self-organization'],
  MEDIATION_STUDIO: ['调解工作室', '调解室', '专业调解工作室', 'mediation studio'],
};
const RELATION_WORDS: Record<TOrganizationRelation, readonly string[]> = {
  PROPERTY_SERVICE: ['物业服务', 'property management', 'property service'],
  CO_BUILDING: ['结对共建', '共建', 'co-building'],
  STATIONED: ['驻区', 'stationed', 'stationed here'],
  SERVICE: ['提供服务', '服务', 'service', 'provides a service'],
  SELF_ORGANIZED: ['居民自组织', '自组织', 'self-organised', 'self-organized'],
};

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

function lookup<K extends string>(cell: string, codes: readonly K[], words: Record<K, readonly string[]>): K | null {
  const s = norm(cell);
  if (!s) return null;
  return codes.find((c) => c.toLowerCase() === s || words[c].some((w) => norm(w) === s)) ?? null;
}

export const parseOrganizationKind = (cell: string) => lookup(cell, organizationKinds, KIND_WORDS);

/** A relation cell; blank is the kind's own (first) relation. */
export function parseOrganizationRelation(cell: string, kind: TOrganizationKind): TOrganizationRelation | null {
  return norm(cell) === '' ? relationsOf(kind)[0]! : lookup(cell, organizationRelations, RELATION_WORDS);
}
