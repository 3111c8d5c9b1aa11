import { describe, expect, test } from 'vitest';
import { parseOrganizationKind, parseOrganizationRelation } from '@/domain/organisation/organisation-import';

// Issue 18 item 6: organisations from a spreadsheet, their kind and relation as staff write them.
describe('an organisation row: kind and relation as people write them', () => {
  test.each([
    ['物业服务企业', 'PROPERTY_FIRM'],
    ['物业公司', 'PROPERTY_FIRM'],
    ['物业', 'PROPERTY_FIRM'],
    ['共建单位', 'CO_BUILDING_UNIT'],
    ['驻区单位', 'STATIONED_UNIT'],
    ['辖区企业', 'NEARBY_FIRM'],
    ['社会组织', 'SOCIAL_ORG'],
    ['社会企业', 'SOCIAL_ENTERPRISE'],
    ['居民自组织', 'SELF_ORGANIZATION'],
    ['自组织', 'SELF_ORGANIZATION'],
    ['Property firm', 'PROPERTY_FIRM'],
    ['stationed unit', 'STATIONED_UNIT'],
    ['SOCIAL_ENTERPRISE', 'SOCIAL_ENTERPRISE'],
    ['学校', null],
    ['', null],
  ] as const)('kind %s → %s', (cell, kind) => {
    expect(parseOrganizationKind(cell)).toBe(kind);
  });

  test.each([
    ['', 'PROPERTY_FIRM', 'PROPERTY_SERVICE'], // blank: the kind's own relation
    ['', 'STATIONED_UNIT', 'STATIONED'],
    ['', 'SELF_ORGANIZATION', 'SELF_ORGANIZED'],
    ['结对共建', 'STATIONED_UNIT', 'CO_BUILDING'],
    ['共建', 'CO_BUILDING_UNIT', 'CO_BUILDING'],
    ['提供服务', 'SOCIAL_ORG', 'SERVICE'],
    ['服务', 'SOCIAL_ORG', 'SERVICE'],
    ['物业服务', 'PROPERTY_FIRM', 'PROPERTY_SERVICE'],
    ['Co-building', 'NEARBY_FIRM', 'CO_BUILDING'],
    ['挂靠', 'SOCIAL_ORG', null],
  ] as const)('relation %s of a %s → %s', (cell, kind, relation) => {
    expect(parseOrganizationRelation(cell, kind)).toBe(relation);
  });
});
