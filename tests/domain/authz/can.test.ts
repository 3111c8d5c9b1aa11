import { describe, expect, test } from 'vitest';
import {
  can,
  checkGrant,
  mayBuild,
  mayExclude,
  mayResetPassword,
  scopesOf,
  type TActor,
  type TGrant,
  type TTarget,
} from '@/domain/authz/can';
import { BODY_SCOPED, permissions, ROLE_PERMISSIONS, type TPermission } from '@/domain/authz/permissions';
import { GRANTED_ROLE_LEVEL, roles, type TRole } from '@/domain/authz/roles';
import type { TAncestry, TPlaceLevel } from '@/domain/territory/places';

const TODAY = '2026-11-21';

/**
 * The matrix as people read it, written out by hand: changing who may do what must change this
 * table too. Columns: territory body staff verify reset import roster phone audit party vote
 * issue-read issue-handle issue-raise … stats-exclude partyOrg grid organization raiseFor partyFirst supervise (e: a resident raises issues around their home; an unverified account in
 * the community it named at registration, decision 030).
 */
const EXPECTED: Record<TRole, string> = {
  RESIDENT: '. . . . . . . . . . v . . e . . . . . . s . . o . . . . . . . . . . . . . e a . r . . . . l . . q',
  OWNER: '. . . . . . . . . . v . . . . . . . . . s . . o . . . . . . . . . . . . . e a . r . . . . l . . q',
  HOUSEHOLD_REPRESENTATIVE: '. . . . . . . . . . v . . . . . . . . . s . . o . . . . . . . . . . . . . e a . r . . . . l . . q',
  PARTY_MEMBER: '. . . . . . . . . . v . . . . . . R . . . . . . . . . . . . . y . . . . . e a . . . . . . . . . .',
  OWNERS_COMMITTEE_MEMBER: '. . . . . . . . . . v . . . . . . R T . . . . . . . . . . . . . . . . . . . . . . . . . . l . . .',
  OWNERS_COMMITTEE_CHAIR: '. . . . . . r . . . v . . . . . . R T . . . . . g . . . . . . . . . . . . . . . . . . u L l . . .',
  SUPERVISORY_COMMITTEE_MEMBER: '. . . . . . . . a . v i . . . . . R . . . . . . . . . . . . . . . . . . . . . . . . . . . l . . .',
  COUNCIL_MEMBER: '. . . . . . . . . . v . . . . . . R T . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  BODY_MEMBER: '. . . . . . . . . . v . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  BUILDING_HEAD: '. . . . . . r p . . . i h . . . . R . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  PROPERTY_FIRM_STAFF: '. . . . . . r . . . . i h . . . . R . . . . . . . . . . . . . . . . . . . . . . . . . u L l . . .',
  GRID_WORKER: '. . . v . . r p . . . i h . . . . R . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  BRANCH_SECRETARY: '. . . v . . r p a m . i h . . . . R T M . . N . g d . p . . . y . . . . E . . . . . . . . . . Q .',
  RESIDENTS_COMMITTEE_STAFF: 't b . v r i r p a m . i h . . . . R T M . . N . g d . . g o . y . . . . E . . . . . . u L l . Q .',
  COMMUNITY_SECRETARY: 't b s v r i r p a m . i h . . . . R T M . . N . g d . p g o . y S M . . E . . A . . . u L l . Q .',
  STREET_STAFF: 't b s v r i r p a m . i h . . . . R T M . . N . g d . p g o . y S . . . E . . A . . . u L l . Q .',
  DISTRICT_ADMIN: 't b s v r i r p a m . i h . . c k R T M . P N . g d x p g o . y S . . . E . . A . K D u L l C Q .',
  API_CLIENT: '. . . . . . . . . . . i . . o . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  UNVERIFIED_RESIDENT: '. . . . . . . . . . . . . e . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  // 党员中心户 (decision 044): reads and handles the issues of the buildings of its micro-grid, reads their topics.
  CENTRAL_HOUSEHOLD: '. . . . . . . . . . . i h . . . . R . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  // A keeper of the contact chain (decision 051): records issues for the households they keep in touch with.
  CONTACT_KEEPER: '. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . f . . . . . . . . . . . . . . . . . .',
  // Mediation (decision 062): the committee's chair receives and assigns the community's cases; per case, its mediators
  // mediate and its parties read it. The street and district see counts only (stats.read), never a case.
  MEDIATION_CHAIR: '. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . M . . . . . . . . . . . . . . .',
  CASE_MEDIATOR: '. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . d . . . . . . . . . . . . . .',
  CASE_PARTY: '. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . p . . . . . . . . . . . . .',
};
const COLUMNS: TPermission[] = [
  'territory.manage',
  'body.manage',
  'staff.manage',
  'resident.verify',
  'password.reset',
  'roster.import',
  'roster.read',
  'phone.read',
  'audit.read',
  'partyMember.manage',
  'vote.cast',
  'issue.read',
  'issue.handle',
  'issue.raise',
  'issue.report',
  'issue.configure',
  'apiKey.manage',
  'topic.read',
  'topic.raise',
  'topic.manage',
  'topic.suggest',
  'procedure.manage',
  'notice.publish',
  'notice.object',
  'meeting.manage',
  'stats.read',
  'stats.exclude',
  'partyOrg.manage',
  'grid.manage',
  'organization.manage',
  'issue.raiseFor',
  // Party members first (decision 052): party members at their branch's place, and the staff who run topics (y).
  'topic.partyFirst',
  // 督办 (decision 049): press (催办) and take over late tasks and steps of the places below.
  'topic.supervise',
  // Mediation (decision 062): receive and assign cases (M), mediate one's case (d), read one's case as a party (p).
  'mediation.manage',
  'mediation.mediate',
  'mediation.party',
  // Elections (decision 069): run them (E); nominate, second, stand and object around one's home (e).
  'election.manage',
  'election.participate',
  // Open meetings (decision 067): sign in without an invitation around one's home (a); approve a branch's proposal (A).
  'meeting.attend',
  'meeting.approve',
  // A residents' meeting asked for under art. 10 (decision 068, r); the district's own meeting kinds (K).
  'meeting.request',
  'meetingType.manage',
  // Openness on a schedule (decisions 070–073): the district's disclosure catalogue (D) and topic categories (C); fill a
  // due disclosure (u); keep a ledger (L) and read it (l); run surveys (Q) and answer them around one's home (q).
  'disclosure.configure',
  'disclosure.publish',
  'ledger.keep',
  'ledger.read',
  'topicCategory.manage',
  'survey.manage',
  'survey.answer',
];

test('the table above lists every permission', () => {
  expect([...COLUMNS].sort()).toEqual([...permissions].sort());
});

test.each([...roles])('%s holds exactly the permissions of the table', (role) => {
  const expected = EXPECTED[role].split(' ').flatMap((c, i) => (c === '.' ? [] : [COLUMNS[i]!]));
  expect([...ROLE_PERMISSIONS[role]].sort()).toEqual(expected.sort());
});

// A small tree: district 1 ⊃ street 10 ⊃ community 100 ⊃ compound 1000 ⊃ building 10000,
// with a sibling at every level and another district.
const at: Record<TPlaceLevel, TAncestry> = {
  district: { district: 1 },
  street: { district: 1, street: 10 },
  community: { district: 1, street: 10, community: 100 },
  compound: { district: 1, street: 10, community: 100, compound: 1000 },
  building: { district: 1, street: 10, community: 100, compound: 1000, building: 10000 },
};
const levels: TPlaceLevel[] = ['district', 'street', 'community', 'compound', 'building'];
const siblingOf = (level: TPlaceLevel): TAncestry => ({ ...at[level], [level]: (at[level][level] ?? 0) + 1 });
const otherDistrict: TAncestry = { district: 2, street: 20, community: 200, compound: 2000, building: 20000 };

function grant(role: TRole, level: TPlaceLevel, extra: Partial<TGrant> = {}): TGrant {
  return { role, place: { level, id: at[level][level]! }, startsOn: '2024-01-01', endsOn: null, ...extra };
}
const actor = (...grants: TGrant[]): TActor => ({ userId: 1, grants });

describe('every role × permission × position in the tree', () => {
  const cases = roles.flatMap((role) => levels.flatMap((level) => permissions.map((p) => [role, level, p] as const)));

  test.each(cases)('%s held at a %s: %s', (role, level, permission) => {
    const a = actor(grant(role, level, { bodyId: 7 }));
    const inMatrix = (ROLE_PERMISSIONS[role] as readonly TPermission[]).includes(permission);
    const bodyScoped = BODY_SCOPED.includes(permission);
    const idx = levels.indexOf(level);
    for (const [i, l] of levels.entries()) {
      const target: TTarget = { ancestry: at[l], bodyId: 7 };
      // Place permissions: at the place and below. Body permissions: in the body, wherever it sits.
      const expected = inMatrix && (bodyScoped || i >= idx);
      expect({ target: l, allowed: can(a, permission, target, TODAY) }).toEqual({ target: l, allowed: expected });
    }
    // Never on a sibling place, never in another district, never in another body.
    expect(can(a, permission, { ancestry: siblingOf(level), bodyId: bodyScoped ? 8 : undefined }, TODAY)).toBe(false);
    expect(can(a, permission, { ancestry: otherDistrict, bodyId: bodyScoped ? 8 : undefined }, TODAY)).toBe(false);
    // A signed-out visitor, and the same role out of its term, get nothing.
    expect(can(null, permission, { ancestry: at[level], bodyId: 7 }, TODAY)).toBe(false);
    expect(can(actor(grant(role, level, { bodyId: 7, endsOn: '2026-11-20' })), permission, { ancestry: at[level], bodyId: 7 }, TODAY)).toBe(
      false,
    );
    expect(
      can(actor(grant(role, level, { bodyId: 7, startsOn: '2026-11-22' })), permission, { ancestry: at[level], bodyId: 7 }, TODAY),
    ).toBe(false);
  });
});

describe('edge cases', () => {
  test('a term includes its first and last day', () => {
    const g = grant('STREET_STAFF', 'street', { startsOn: TODAY, endsOn: TODAY });
    expect(can(actor(g), 'audit.read', { ancestry: at.community }, TODAY)).toBe(true);
  });

  test('a street staff member acts on every community of the street, never on another street', () => {
    const a = actor(grant('STREET_STAFF', 'street'));
    expect(can(a, 'resident.verify', { ancestry: at.community }, TODAY)).toBe(true);
    expect(can(a, 'resident.verify', { ancestry: siblingOf('street') }, TODAY)).toBe(false);
  });

  test('an unknown role gets nothing', () => {
    const a = actor({ ...grant('DISTRICT_ADMIN', 'district'), role: 'SUPER_USER' as TRole });
    for (const p of permissions) expect(can(a, p, { ancestry: at.building }, TODAY)).toBe(false);
  });

  test('a body permission without a body on the target is refused', () => {
    expect(can(actor(grant('COUNCIL_MEMBER', 'community', { bodyId: 7 })), 'vote.cast', { ancestry: at.community }, TODAY)).toBe(false);
  });

  test('scopesOf lists the places where a permission holds', () => {
    const a = actor(
      grant('GRID_WORKER', 'community'),
      grant('BUILDING_HEAD', 'building'),
      grant('STREET_STAFF', 'street', { endsOn: '2020-01-01' }),
    );
    expect(scopesOf(a, 'resident.verify', TODAY)).toEqual([{ level: 'community', id: 100 }]);
    expect(scopesOf(a, 'roster.read', TODAY)).toHaveLength(2);
    expect(scopesOf(null, 'roster.read', TODAY)).toEqual([]);
  });
});

describe('checkGrant: only a higher rank grants, at the role’s own level, inside its scope', () => {
  const place = (level: TPlaceLevel, ancestry = at[level]) => ({ level, id: ancestry[level]!, ancestry });
  test.each<[string, TActor, TRole, ReturnType<typeof place>, string | null]>([
    [
      'street staff appoints a community secretary in its street',
      actor(grant('STREET_STAFF', 'street')),
      'COMMUNITY_SECRETARY',
      place('community'),
      null,
    ],
    [
      'street staff in another street',
      actor(grant('STREET_STAFF', 'street')),
      'COMMUNITY_SECRETARY',
      place('community', { ...at.community, street: 11, community: 101 }),
      'grant.notAllowed',
    ],
    ['street staff cannot make street staff', actor(grant('STREET_STAFF', 'street')), 'STREET_STAFF', place('street'), 'grant.notAllowed'],
    ['district admin makes street staff', actor(grant('DISTRICT_ADMIN', 'district')), 'STREET_STAFF', place('street'), null],
    [
      'community secretary makes a building head',
      actor(grant('COMMUNITY_SECRETARY', 'community')),
      'BUILDING_HEAD',
      place('building'),
      null,
    ],
    [
      'residents’ committee staff cannot grant',
      actor(grant('RESIDENTS_COMMITTEE_STAFF', 'community')),
      'BUILDING_HEAD',
      place('building'),
      'grant.notAllowed',
    ],
    ['a role at the wrong level', actor(grant('DISTRICT_ADMIN', 'district')), 'STREET_STAFF', place('community'), 'grant.wrongLevel'],
    ['a derived role is never granted', actor(grant('DISTRICT_ADMIN', 'district')), 'OWNER', place('building'), 'grant.notGrantable'],
    ['a signed-out visitor', null, 'BUILDING_HEAD', place('building'), 'grant.notAllowed'],
  ])('%s', (_, a, role, p, refusal) => {
    expect(checkGrant(a, role, p, TODAY)).toBe(refusal);
  });

  test('every granted role has a level', () => {
    for (const [role, level] of Object.entries(GRANTED_ROLE_LEVEL)) {
      expect(levels).toContain(level);
      expect(roles).toContain(role);
    }
  });
});

describe('decision 028: resets follow the rank rule; exclusions are the district’s', () => {
  const post = (role: TRole, level: TPlaceLevel) => ({ role, ancestry: at[level] });
  test.each([
    [
      'a community secretary, a district admin who claims a household there',
      grant('COMMUNITY_SECRETARY', 'community'),
      [post('DISTRICT_ADMIN', 'district')],
      false,
    ],
    [
      'a community secretary, a grid worker of the community',
      grant('COMMUNITY_SECRETARY', 'community'),
      [post('GRID_WORKER', 'community')],
      true,
    ],
    [
      'a community secretary, a secretary of the same community',
      grant('COMMUNITY_SECRETARY', 'community'),
      [post('COMMUNITY_SECRETARY', 'community')],
      false,
    ],
    [
      'a community secretary, a grid worker who is also street staff',
      grant('COMMUNITY_SECRETARY', 'community'),
      [post('GRID_WORKER', 'community'), post('STREET_STAFF', 'street')],
      false,
    ],
    [
      'residents’ committee staff (no staff.manage), a grid worker',
      grant('RESIDENTS_COMMITTEE_STAFF', 'community'),
      [post('GRID_WORKER', 'community')],
      false,
    ],
    [
      'street staff, a community secretary of the street',
      grant('STREET_STAFF', 'street'),
      [post('COMMUNITY_SECRETARY', 'community')],
      true,
    ],
    ['street staff, a district admin', grant('STREET_STAFF', 'street'), [post('DISTRICT_ADMIN', 'district')], false],
    ['a district admin, another district admin', grant('DISTRICT_ADMIN', 'district'), [post('DISTRICT_ADMIN', 'district')], false],
    ['residents’ committee staff, a resident (no posts)', grant('RESIDENTS_COMMITTEE_STAFF', 'community'), [], true],
    [
      'residents’ committee staff, a committee chair (a body position, not staff)',
      grant('RESIDENTS_COMMITTEE_STAFF', 'community'),
      [post('OWNERS_COMMITTEE_CHAIR', 'compound')],
      true,
    ],
  ] as const)('mayResetPassword: %s → %s', (_, g, posts, expected) => {
    expect(mayResetPassword(actor(g), { homes: [at.building], posts: [...posts] }, TODAY)).toBe(expected);
  });

  test.each([
    ['DISTRICT_ADMIN', 'district', true],
    ['STREET_STAFF', 'street', false],
    ['COMMUNITY_SECRETARY', 'community', false],
    ['BRANCH_SECRETARY', 'compound', false],
  ] as const)('mayExclude: %s at a %s → %s', (role, level, expected) => {
    expect(mayExclude(actor(grant(role, level)), { ancestry: at.building }, TODAY)).toBe(expected);
    expect(mayExclude(actor(grant(role, level)), { ancestry: otherDistrict }, TODAY)).toBe(false);
  });
});

describe('mayBuild: structure only below one’s own level, inside one’s scope (issue 18)', () => {
  const structure = [
    // role, held at, permission, builds at, place of the thing, allowed
    ['DISTRICT_ADMIN', 'district', 'partyOrg.manage', 'street', 'street', true],
    ['STREET_STAFF', 'street', 'partyOrg.manage', 'street', 'street', false],
    ['STREET_STAFF', 'street', 'partyOrg.manage', 'community', 'community', true],
    ['COMMUNITY_SECRETARY', 'community', 'partyOrg.manage', 'community', 'community', false],
    ['COMMUNITY_SECRETARY', 'community', 'partyOrg.manage', 'grid', 'community', true],
    ['COMMUNITY_SECRETARY', 'community', 'partyOrg.manage', 'compound', 'compound', true],
    ['BRANCH_SECRETARY', 'compound', 'partyOrg.manage', 'compound', 'compound', false],
    ['BRANCH_SECRETARY', 'compound', 'partyOrg.manage', 'building', 'building', true],
    ['RESIDENTS_COMMITTEE_STAFF', 'community', 'partyOrg.manage', 'compound', 'compound', false],
    ['RESIDENTS_COMMITTEE_STAFF', 'community', 'grid.manage', 'grid', 'community', true],
    ['COMMUNITY_SECRETARY', 'community', 'grid.manage', 'grid', 'community', true],
    ['GRID_WORKER', 'community', 'grid.manage', 'grid', 'community', false],
    ['DISTRICT_ADMIN', 'district', 'territory.manage', 'street', 'district', true],
    ['STREET_STAFF', 'street', 'territory.manage', 'community', 'street', true],
    ['STREET_STAFF', 'street', 'territory.manage', 'street', 'street', false],
  ] as const;
  test.each(structure)('%s at a %s, %s, building at %s of a %s: %s', (role, held, permission, level, place, allowed) => {
    expect(mayBuild(actor(grant(role, held)), permission, level, { ancestry: at[place] }, TODAY)).toBe(allowed);
  });
  test('never in a sibling community or another district, never out of term', () => {
    const secretary = actor(grant('COMMUNITY_SECRETARY', 'community'));
    expect(mayBuild(secretary, 'grid.manage', 'grid', { ancestry: siblingOf('community') }, TODAY)).toBe(false);
    expect(mayBuild(secretary, 'grid.manage', 'grid', { ancestry: otherDistrict }, TODAY)).toBe(false);
    expect(
      mayBuild(
        actor(grant('COMMUNITY_SECRETARY', 'community', { endsOn: '2026-11-20' })),
        'grid.manage',
        'grid',
        { ancestry: at.community },
        TODAY,
      ),
    ).toBe(false);
    expect(mayBuild(null, 'grid.manage', 'grid', { ancestry: at.community }, TODAY)).toBe(false);
  });
});
