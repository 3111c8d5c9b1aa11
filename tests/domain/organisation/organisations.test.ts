import { describe, expect, test } from 'vitest';
import {
  assignmentRefusal,
  creditCodeRefusal,
  isServing,
  normaliseCreditCode,
  normaliseOrganizationPhone,
  organizationKinds,
  relationsOf,
  stakeholderGroupOf,
} from '@/domain/organisation/organisations';

// Issue 18 item 4: organisations of every kind, their credit code (统一社会信用代码, GB 32100-2015) and where each
// kind may be assigned with which relation.
describe('credit code: 18 characters of the code set, the last one the check character', () => {
  test.each([
    ['91350100M000100Y43', null], // the standard's own example
    ['91110000802100433B', null], // a state-owned firm (letter check character)
    ['52510107MJ0000000X', 'organization.creditCodeCheck'], // right shape, wrong check character
    ['91350100M000100Y44', 'organization.creditCodeCheck'],
    ['91350100M000100Y4', 'organization.creditCodeLength'],
    ['91350100M000100Y433', 'organization.creditCodeLength'],
    ['91350100O000100Y43', 'organization.creditCodeChars'], // O is not in the code set
    ['91350100M00010-Y43', 'organization.creditCodeChars'],
  ] as const)('%s → %s', (code, refusal) => {
    expect(creditCodeRefusal(code)).toBe(refusal);
  });

  test('spaces and lower case are forgiven before the check', () => {
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(creditCodeRefusal(normaliseCreditCode(' 91350100m000100y43 '))).toBeNull();
  });
});

describe('kinds and relations', () => {
  test.each([
    ['PROPERTY_FIRM', 'PROPERTY_SERVICE', 'compound', null],
    ['PROPERTY_FIRM', 'PROPERTY_SERVICE', 'community', 'organization.needsCompound'],
    ['PROPERTY_FIRM', 'CO_BUILDING', 'community', 'organization.wrongRelation'],
    ['CO_BUILDING_UNIT', 'CO_BUILDING', 'community', null],
    ['CO_BUILDING_UNIT', 'PROPERTY_SERVICE', 'compound', 'organization.wrongRelation'],
    ['STATIONED_UNIT', 'STATIONED', 'community', null],
    ['STATIONED_UNIT', 'CO_BUILDING', 'community', null],
    ['STATIONED_UNIT', 'STATIONED', 'compound', 'organization.communityOnly'],
    ['NEARBY_FIRM', 'SERVICE', 'community', null],
    ['SOCIAL_ORG', 'SERVICE', 'compound', null],
    ['SOCIAL_ORG', 'SERVICE', 'community', null],
    ['SOCIAL_ENTERPRISE', 'SERVICE', 'community', null],
    ['SOCIAL_ENTERPRISE', 'PROPERTY_SERVICE', 'compound', 'organization.wrongRelation'],
    ['SELF_ORGANIZATION', 'SELF_ORGANIZED', 'compound', null],
    ['SELF_ORGANIZATION', 'SELF_ORGANIZED', 'community', null],
    ['SELF_ORGANIZATION', 'CO_BUILDING', 'community', 'organization.wrongRelation'],
  ] as const)('%s as %s at a %s → %s', (kind, relation, level, refusal) => {
    expect(assignmentRefusal(kind, relation, level)).toBe(refusal);
  });

  test('every kind has at least one relation and a 1+4+X group', () => {
    for (const kind of organizationKinds) {
      expect(relationsOf(kind).length).toBeGreaterThan(0);
      expect(stakeholderGroupOf(kind)).toBeTruthy();
    }
    expect(stakeholderGroupOf('PROPERTY_FIRM')).toBe('PROPERTY_FIRM');
    expect(stakeholderGroupOf('STATIONED_UNIT')).toBe('STATIONED_UNIT');
    expect(stakeholderGroupOf('SELF_ORGANIZATION')).toBe('SELF_ORG');
  });
});

describe('an assignment serves from its first day to its last, both included', () => {
  test.each([
    ['2026-01-01', null, '2026-12-03', true],
    ['2026-12-03', null, '2026-12-03', true],
    ['2026-12-04', null, '2026-12-03', false],
    ['2026-01-01', '2026-12-03', '2026-12-03', true],
    ['2026-01-01', '2026-12-02', '2026-12-03', false],
  ] as const)('%s–%s on %s → %s', (startsOn, endsOn, today, serving) => {
    expect(isServing({ startsOn, endsOn }, today)).toBe(serving);
  });
});

describe("an organisation's phone: a mobile or a landline with its area code", () => {
  test.each([
    ['138 0000 1234', '13800001234'],
    ['+8613800001234', '13800001234'],
    ['028-85551234', '028-85551234'],
    ['02885551234', '02885551234'],
    ['0827-5221234', '0827-5221234'],
    ['85551234', null],
    ['12345', null],
  ] as const)('%s → %s', (raw, phone) => {
    expect(normaliseOrganizationPhone(raw)).toBe(phone);
  });
});
