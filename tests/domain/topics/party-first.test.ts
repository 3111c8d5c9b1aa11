import { describe, expect, test } from 'vitest';
import { ROLE_PERMISSIONS } from '@/domain/authz/permissions';
import { roles } from '@/domain/authz/roles';
import {
  actsInStep,
  FOUR_TWO,
  FOUR_TWO_V2,
  OWNERS_ASSEMBLY,
  OWNERS_ASSEMBLY_V2,
  PARTY_FIRST_STEP,
  partyOnly,
  type TProcedure,
  type TTopicStanding,
} from '@/domain/topics/procedure';
import { maySeeTopic, partyViewProblem, type TTopicViewer } from '@/domain/topics/party-first';
import { transition, type TFacts } from '@/domain/topics/transition';
import { procedureProblems } from '@/domain/topics/validate';

const NOTHING: TFacts = {
  stakeholders: 0,
  suggestions: 0,
  planVersions: 0,
  planAgreed: false,
  opinionRecorded: false,
  partyApproved: false,
  partyView: false,
  motion: null,
  contractorChosen: false,
  tasks: { total: 0, accepted: 0 },
  actualCostRecorded: false,
  notices: [],
};
const viewer = (v: Partial<TTopicViewer>): TTopicViewer => ({ reads: false, partyFirst: false, liaison: false, ...v });

describe('who may see a topic', () => {
  test.each([
    // [who, in a party-first step?, viewer, sees]
    ['a resident of the place, topic open to residents', false, viewer({ reads: true }), true],
    ['a resident of the place, party-first step', true, viewer({ reads: true }), false],
    ['a follower / property firm / owners’ committee (reads), party-first step', true, viewer({ reads: true }), false],
    ['a party member of the place (topic.partyFirst), party-first step', true, viewer({ partyFirst: true }), true],
    ['a party member who also reads, party-first step', true, viewer({ reads: true, partyFirst: true }), true],
    ['the staff who run topics (topic.read + topic.partyFirst), party-first step', true, viewer({ reads: true, partyFirst: true }), true],
    ['a party member elsewhere (neither), party-first step', true, viewer({}), false],
    ['a party member elsewhere, topic open to residents', false, viewer({}), false],
    ['the topic’s liaison, party-first step', true, viewer({ liaison: true }), true],
    ['the topic’s liaison, topic open to residents', false, viewer({ liaison: true }), true],
  ])('%s', (_, inStep, v, sees) => {
    expect(maySeeTopic(inStep, v)).toBe(sees);
  });
});

describe('the party-members-first step in the major-matter procedures (version 2)', () => {
  test.each([
    [FOUR_TWO, FOUR_TWO_V2],
    [OWNERS_ASSEMBLY, OWNERS_ASSEMBLY_V2],
  ])('%#: version 2 is the party-first step followed by version 1, and is sound', (v1, v2) => {
    expect(v2.code).toBe(v1.code);
    expect(v2.version).toBe(2);
    expect(v2.steps.map((s) => s.key)).toEqual(['partyFirst', ...v1.steps.map((s) => s.key)]);
    expect(procedureProblems(v2)).toEqual([]);
    expect(partyOnly(v2, 0)).toBe(true);
    expect(v2.steps.slice(1).some((_, i) => partyOnly(v2, i + 1))).toBe(false);
    expect(partyOnly(v1, 0)).toBe(false);
  });

  const actors = new Set<TTopicStanding>(['BRANCH']);
  test.each([
    ['without a party view', OWNERS_ASSEMBLY_V2, NOTHING, 'topic.gate.PARTY_VIEW'],
    ['with suggestions but no view', FOUR_TWO_V2, { ...NOTHING, suggestions: 4 }, 'topic.gate.PARTY_VIEW'],
    ['with the view recorded', OWNERS_ASSEMBLY_V2, { ...NOTHING, partyView: true }, 'moved'],
  ])('advancing %s', (_, procedure: TProcedure, facts, outcome) => {
    const r = transition(procedure, { status: 'OPEN', stepIndex: 0 }, { type: 'ADVANCE' }, { actors, facts });
    expect(r.ok ? 'moved' : r.code).toBe(outcome);
  });

  test('a district that drops the gate from its copy still cannot leave the step without the view', () => {
    const copy: TProcedure = { code: 'FOUR_TWO', steps: [{ ...PARTY_FIRST_STEP, gates: [] }, ...FOUR_TWO.steps] };
    const r = transition(copy, { status: 'OPEN', stepIndex: 0 }, { type: 'ADVANCE' }, { actors, facts: NOTHING });
    expect(r).toEqual({ ok: false, code: 'topic.gate.PARTY_VIEW' });
  });
});

describe('the liaison (协商联络人) acts for the branch in the steps the branch runs, on the topic it was appointed to', () => {
  test.each([
    ['the step’s actor', ['BRANCH'], ['BRANCH', 'COMMUNITY_STAFF'], true],
    ['someone outside the step', ['OWNERS_COMMITTEE'], ['BRANCH', 'COMMUNITY_STAFF'], false],
    ['the liaison, party-first step', ['LIAISON'], ['BRANCH', 'COMMUNITY_STAFF'], true],
    // A body's decision stays with the body, and the two committees' with their staff (review).
    ['the liaison, an owners’ committee step', ['LIAISON'], ['OWNERS_COMMITTEE', 'COMMUNITY_STAFF'], false],
    ['the liaison, a staff-only step', ['LIAISON'], ['COMMUNITY_STAFF'], false],
    ['the liaison, a council step', ['LIAISON'], ['COUNCIL'], false],
    ['nobody', [], ['COMMUNITY_STAFF'], false],
  ] as const)('%s', (_, standing, stepActors, acts) => {
    expect(actsInStep({ actors: [...stepActors] }, new Set<TTopicStanding>(standing))).toBe(acts);
  });

  test('the liaison advances a step but may not withdraw the topic (that stays with the staff)', () => {
    const liaison = new Set<TTopicStanding>(['LIAISON']);
    const facts = { ...NOTHING, partyView: true };
    expect(transition(OWNERS_ASSEMBLY_V2, { status: 'OPEN', stepIndex: 0 }, { type: 'ADVANCE' }, { actors: liaison, facts }).ok).toBe(true);
    const w = transition(
      OWNERS_ASSEMBLY_V2,
      { status: 'OPEN', stepIndex: 0 },
      { type: 'WITHDRAW', reason: 'x' },
      { actors: liaison, facts },
    );
    expect(w).toEqual({ ok: false, code: 'topic.notYourStep' });
  });
});

describe('the party members’ view', () => {
  test.each([
    [{ votesFor: 12, votesAgainst: 1, votesAmend: 3 }, null],
    [{ votesFor: 0, votesAgainst: 0, votesAmend: 1 }, null],
    [{ votesFor: 0, votesAgainst: 0, votesAmend: 0 }, 'record.partyViewEmpty'],
    [{ votesFor: -1, votesAgainst: 0, votesAmend: 2 }, 'record.partyViewCounts'],
    [{ votesFor: 1.5, votesAgainst: 0, votesAmend: 0 }, 'record.partyViewCounts'],
  ])('%o → %s', (v, code) => {
    expect(partyViewProblem(v)).toBe(code);
  });
});

describe('topic.partyFirst follows those who run topics', () => {
  // The dashboards' drill-down lists topics in any step to stats.read holders: each of them must be allowed to see party-first ones.
  test.each(roles.map((r) => [r] as const))('%s', (role) => {
    const held: readonly string[] = ROLE_PERMISSIONS[role];
    if (held.includes('topic.manage') || held.includes('stats.read')) expect(held).toContain('topic.partyFirst');
    expect(held.includes('topic.partyFirst')).toBe(role === 'PARTY_MEMBER' || held.includes('topic.manage'));
  });
});
