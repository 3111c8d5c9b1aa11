import { describe, expect, test } from 'vitest';
import { mayBuild, type TActor } from '@/domain/authz/can';
import { mergeRefusal, PARTY_ORG_LEVEL, parentRefusal, placeRefusal } from '@/domain/party/levels';

// Issue 18 item 2: party organisations at every level — which kind lives where, under whom, and who builds it.
describe('which kind of party organisation lives at which level', () => {
  test.each([
    ['STREET_WORKING_COMMITTEE', {}, null],
    ['STREET_WORKING_COMMITTEE', { communityId: 1 }, 'partyOrg.wrongPlace'],
    ['COMMUNITY_COMMITTEE', { communityId: 1 }, null],
    ['COMMUNITY_GENERAL_BRANCH', { communityId: 1 }, null],
    ['COMMUNITY_COMMITTEE', {}, 'partyOrg.wrongPlace'],
    ['COMMUNITY_COMMITTEE', { communityId: 1, compoundId: 2 }, 'partyOrg.wrongPlace'],
    ['GRID_BRANCH', { communityId: 1, gridId: 3 }, null],
    ['GRID_BRANCH', { communityId: 1 }, 'partyOrg.wrongPlace'],
    ['COMPOUND_BRANCH', { communityId: 1, compoundId: 2 }, null],
    ['COMPOUND_BRANCH', { communityId: 1, compoundId: 2, buildingId: 4 }, 'partyOrg.wrongPlace'],
    ['BUILDING_GROUP', { communityId: 1, compoundId: 2, buildingId: 4 }, null],
    ['BUILDING_GROUP', { communityId: 1, compoundId: 2 }, 'partyOrg.wrongPlace'],
  ] as const)('%s with %o → %s', (kind, places, refusal) => {
    expect(placeRefusal(kind, places)).toBe(refusal);
  });

  test.each([
    ['COMMUNITY_COMMITTEE', 'STREET_WORKING_COMMITTEE', null],
    ['COMMUNITY_COMMITTEE', null, null],
    ['STREET_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'partyOrg.parentLevel'],
    ['COMMUNITY_GENERAL_BRANCH', 'COMMUNITY_COMMITTEE', 'partyOrg.parentLevel'],
    ['GRID_BRANCH', 'COMMUNITY_GENERAL_BRANCH', null],
    ['COMPOUND_BRANCH', 'GRID_BRANCH', null],
    ['BUILDING_GROUP', 'COMPOUND_BRANCH', null],
    ['BUILDING_GROUP', 'BUILDING_GROUP', 'partyOrg.parentLevel'],
  ] as const)('%s under %s → %s', (kind, parent, refusal) => {
    expect(parentRefusal(kind, parent)).toBe(refusal);
  });

  test.each([
    [{ id: 1, kind: 'COMPOUND_BRANCH', dissolved: false }, { id: 2, kind: 'COMPOUND_BRANCH', dissolved: false }, null],
    [{ id: 1, kind: 'COMMUNITY_GENERAL_BRANCH', dissolved: false }, { id: 2, kind: 'COMMUNITY_COMMITTEE', dissolved: false }, null],
    [{ id: 1, kind: 'COMPOUND_BRANCH', dissolved: false }, { id: 1, kind: 'COMPOUND_BRANCH', dissolved: false }, 'partyOrg.mergeSelf'],
    [{ id: 1, kind: 'COMPOUND_BRANCH', dissolved: false }, { id: 2, kind: 'GRID_BRANCH', dissolved: false }, 'partyOrg.mergeLevel'],
    [{ id: 1, kind: 'COMPOUND_BRANCH', dissolved: true }, { id: 2, kind: 'COMPOUND_BRANCH', dissolved: false }, 'partyOrg.dissolved'],
    [{ id: 1, kind: 'COMPOUND_BRANCH', dissolved: false }, { id: 2, kind: 'COMPOUND_BRANCH', dissolved: true }, 'partyOrg.dissolved'],
  ] as const)('merging %o into %o → %s', (from, into, refusal) => {
    expect(mergeRefusal(from, into)).toBe(refusal);
  });
});

describe('who builds which party organisation (mayBuild at the kind’s level)', () => {
  const grant = (role: string, level: 'district' | 'street' | 'community' | 'compound', id: number) => ({
    userId: 1,
    grants: [{ role, place: { level, id }, startsOn: '2020-01-01', endsOn: null }],
  });
  const ancestry = { district: 1, street: 2, community: 3, compound: 4, building: 5 };
  test.each([
    ['DISTRICT_ADMIN', 'district', 1, 'STREET_WORKING_COMMITTEE', true],
    ['STREET_STAFF', 'street', 2, 'STREET_WORKING_COMMITTEE', false],
    ['STREET_STAFF', 'street', 2, 'COMMUNITY_COMMITTEE', true],
    ['COMMUNITY_SECRETARY', 'community', 3, 'COMMUNITY_COMMITTEE', false],
    ['COMMUNITY_SECRETARY', 'community', 3, 'GRID_BRANCH', true],
    ['COMMUNITY_SECRETARY', 'community', 3, 'COMPOUND_BRANCH', true],
    ['BRANCH_SECRETARY', 'compound', 4, 'COMPOUND_BRANCH', false],
    ['BRANCH_SECRETARY', 'compound', 4, 'BUILDING_GROUP', true],
    ['RESIDENTS_COMMITTEE_STAFF', 'community', 3, 'COMPOUND_BRANCH', false],
  ] as const)('%s at %s %i builds a %s: %s', (role, level, id, kind, allowed) => {
    const actor = grant(role, level, id) as TActor;
    expect(mayBuild(actor, 'partyOrg.manage', PARTY_ORG_LEVEL[kind], { ancestry }, '2026-12-03')).toBe(allowed);
  });
});
