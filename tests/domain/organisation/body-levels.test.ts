import { describe, expect, test } from 'vitest';
import { bodyKindsAt, bodyLevelRefusal, overseesKeepers } from '@/domain/organisation/body-levels';

// Issue 18 item 5: every kind of body at the level where it exists. A community's 居务监督委员会 (supervisory
// committee of residents' affairs) was refused: "needs a compound".
describe('where each kind of body exists', () => {
  test.each([
    ['OWNERS_ASSEMBLY', 'compound', null],
    ['OWNERS_ASSEMBLY', 'community', 'body.needsCompound'],
    ['OWNERS_COMMITTEE', 'community', 'body.needsCompound'],
    ['PROPERTY_MANAGEMENT_COMMITTEE', 'compound', null],
    ['PROPERTY_MANAGEMENT_COMMITTEE', 'community', 'body.needsCompound'],
    ['COURTYARD_COUNCIL', 'compound', null],
    ['COURTYARD_COUNCIL', 'community', 'body.needsCompound'],
    ['SUPERVISORY_COMMITTEE', 'compound', null], // 业主监事会
    ['SUPERVISORY_COMMITTEE', 'community', null], // 居务监督委员会
    ['TWO_COMMITTEES', 'community', null],
    ['TWO_COMMITTEES', 'compound', 'body.communityOnly'],
    ['RESIDENTS_COMMITTEE', 'compound', 'body.communityOnly'],
    ['RESIDENTS_REPRESENTATIVES', 'community', null],
    ['COMMUNITY_COUNCIL', 'compound', 'body.communityOnly'],
    ['MEDIATION_COMMITTEE', 'community', null],
    ['MEDIATION_COMMITTEE', 'compound', 'body.communityOnly'],
  ] as const)('%s at a %s → %s', (kind, level, refusal) => {
    expect(bodyLevelRefusal(kind, level)).toBe(refusal);
  });

  test('the forms offer exactly the kinds that exist there', () => {
    expect(bodyKindsAt('community')).toEqual([
      'TWO_COMMITTEES',
      'RESIDENTS_COMMITTEE',
      'SUPERVISORY_COMMITTEE',
      'RESIDENTS_REPRESENTATIVES',
      'COMMUNITY_COUNCIL',
      'MEDIATION_COMMITTEE',
    ]);
    expect(bodyKindsAt('compound')).toEqual([
      'OWNERS_ASSEMBLY',
      'OWNERS_COMMITTEE',
      'PROPERTY_MANAGEMENT_COMMITTEE',
      'SUPERVISORY_COMMITTEE',
      'COURTYARD_COUNCIL',
    ]);
  });

  // 居务监督委员会 oversees the residents' committee and its staff: they do not set it up or seat its members.
  test.each([
    ['SUPERVISORY_COMMITTEE', 'community', true],
    ['SUPERVISORY_COMMITTEE', 'compound', false],
    ['RESIDENTS_COMMITTEE', 'community', false],
    ['OWNERS_COMMITTEE', 'compound', false],
    ['MEDIATION_COMMITTEE', 'community', false],
  ] as const)('%s at a %s oversees those who keep it: %s', (kind, level, oversees) => {
    expect(overseesKeepers(kind, level)).toBe(oversees);
  });
});
