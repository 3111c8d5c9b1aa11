import { describe, expect, test } from 'vitest';
import {
  CONSULTATION,
  COURTYARD_ROADSHOW,
  FOUR_TWO,
  OWNERS_ASSEMBLY,
  SEVEN_STEP,
  TEMPLATES,
  type TGate,
  type TProcedure,
  type TTopicActor,
} from '@/domain/topics/procedure';
import { openGates, transition, type TFacts, type TTopicState } from '@/domain/topics/transition';
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
const ALL_ACTORS = new Set<TTopicActor>(['COMMUNITY_STAFF', 'BRANCH', 'OWNERS_COMMITTEE', 'COUNCIL']);

/** The facts that meet one gate (added to what earlier steps produced). */
function meet(f: TFacts, g: TGate): TFacts {
  switch (g.kind) {
    case 'STAKEHOLDERS':
      return { ...f, stakeholders: g.min };
    case 'SUGGESTIONS':
      return { ...f, suggestions: g.min };
    case 'PLAN_VERSION':
      return { ...f, planVersions: 1 };
    case 'PLAN_AGREED':
      return { ...f, planAgreed: true };
    case 'OPINION_RECORDED':
      return { ...f, opinionRecorded: true };
    case 'PARTY_APPROVED':
      return { ...f, partyApproved: true };
    case 'PARTY_VIEW':
      return { ...f, partyView: true };
    case 'MOTION_PASSED':
      return { ...f, motion: 'PASSED' };
    case 'CONTRACTOR_CHOSEN':
      return { ...f, contractorChosen: true };
    case 'TASKS_ACCEPTED':
      return { ...f, tasks: { total: 2, accepted: 2 } };
    case 'ACTUAL_COST':
      return { ...f, actualCostRecorded: true };
    case 'NOTICE':
      return { ...f, notices: [...f.notices, g.notice] };
  }
}

describe.each(TEMPLATES.map((t) => [t.code, t] as const))('%s', (_, procedure: TProcedure) => {
  test('is sound', () => {
    expect(procedureProblems(procedure)).toEqual([]);
  });

  test('every gate refuses before its output exists and opens after; the last step closes the topic', () => {
    let state: TTopicState = { status: 'OPEN', stepIndex: 0 };
    let facts = NOTHING;
    for (const [i, step] of procedure.steps.entries()) {
      expect(state).toEqual({ status: 'OPEN', stepIndex: i });
      for (const gate of step.gates) {
        // Not yet: refused with the gate's code, nothing moves.
        const refused = transition(procedure, state, { type: 'ADVANCE' }, { actors: ALL_ACTORS, facts });
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.code).toBe(`topic.gate.${openGates(procedure, state, facts)[0]!.code.slice('topic.gate.'.length)}`);
        facts = meet(facts, gate);
        // A motion's outcome belongs to its step: the next motion starts undecided.
      }
      const moved = transition(procedure, state, { type: 'ADVANCE' }, { actors: ALL_ACTORS, facts });
      expect(moved.ok).toBe(true);
      if (!moved.ok) return;
      expect(moved.effects).toEqual(step.onLeave);
      state = moved.next;
      facts = { ...facts, motion: null };
    }
    expect(state.status).toBe('DONE');
    expect(transition(procedure, state, { type: 'ADVANCE' }, { actors: ALL_ACTORS, facts }).ok).toBe(false);
  });

  test('nobody outside a step’s actors may move it', () => {
    const step = procedure.steps[0]!;
    const outsiders = new Set([...ALL_ACTORS].filter((a) => !step.actors.includes(a)));
    const r = transition(procedure, { status: 'OPEN', stepIndex: 0 }, { type: 'ADVANCE' }, { actors: outsiders, facts: NOTHING });
    expect(r).toEqual({ ok: false, code: 'topic.notYourStep' });
  });
});

describe('the seven-step method, as rules.md and the README state it', () => {
  test('seven steps in order; step 5 opens a motion of the residents’ representatives needing two thirds of all', () => {
    expect(SEVEN_STEP.steps.map((s) => s.key)).toEqual(['raise', 'ideas', 'plan', 'consensus', 'decide', 'implement', 'publicise']);
    expect(SEVEN_STEP.steps[3]!.onLeave).toContainEqual({
      kind: 'OPEN_MOTION',
      body: { kind: 'BODY', bodyKind: 'RESIDENTS_REPRESENTATIVES' },
      rule: { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
    });
    expect(SEVEN_STEP.steps[4]!.onLeave).toContainEqual({ kind: 'PUBLISH_NOTICE', notice: 'DECISION' });
  });

  test.each([
    ['skipping from raise straight to plan (ADVANCE twice without ideas)', 1, NOTHING, 'topic.gate.STAKEHOLDERS'],
    ['ideas with stakeholders but no suggestion', 1, { ...NOTHING, stakeholders: 5 }, 'topic.gate.SUGGESTIONS'],
    ['consensus without an agreed plan version', 3, { ...NOTHING, planVersions: 2 }, 'topic.gate.PLAN_AGREED'],
    ['decide while the vote is still open', 4, { ...NOTHING, motion: 'OPEN' as const }, 'topic.gate.MOTION_PASSED'],
    ['decide after the vote failed', 4, { ...NOTHING, motion: 'FAILED' as const }, 'topic.gate.MOTION_PASSED'],
    ['implement with one of two tasks accepted', 5, { ...NOTHING, tasks: { total: 2, accepted: 1 } }, 'topic.gate.TASKS_ACCEPTED'],
    ['implement with no task at all', 5, NOTHING, 'topic.gate.TASKS_ACCEPTED'],
  ])('refused: %s', (_, stepIndex, facts, code) => {
    const r = transition(SEVEN_STEP, { status: 'OPEN', stepIndex }, { type: 'ADVANCE' }, { actors: ALL_ACTORS, facts });
    expect(r.ok ? 'moved' : r.code).toBe(code);
  });

  test('a failed vote may send the topic back to the plan, with a reason; not before the vote failed', () => {
    const at = { status: 'OPEN' as const, stepIndex: 4 };
    expect(
      transition(
        SEVEN_STEP,
        at,
        { type: 'RETURN', reason: '票数不够，修改收费标准' },
        { actors: ALL_ACTORS, facts: { ...NOTHING, motion: 'FAILED' } },
      ),
    ).toEqual({ ok: true, next: { status: 'OPEN', stepIndex: 2 }, effects: [{ kind: 'NOTIFY_STAKEHOLDERS' }] });
    expect(
      transition(SEVEN_STEP, at, { type: 'RETURN', reason: 'x' }, { actors: ALL_ACTORS, facts: { ...NOTHING, motion: 'OPEN' } }),
    ).toMatchObject({ code: 'topic.returnOnlyAfterFailedMotion' });
    expect(
      transition(SEVEN_STEP, at, { type: 'RETURN', reason: ' ' }, { actors: ALL_ACTORS, facts: { ...NOTHING, motion: 'FAILED' } }),
    ).toMatchObject({ code: 'topic.reasonRequired' });
  });

  test('only community staff may withdraw a topic; a withdrawn or finished topic refuses everything', () => {
    expect(
      transition(
        SEVEN_STEP,
        { status: 'OPEN', stepIndex: 1 },
        { type: 'WITHDRAW', reason: '已由街道统筹' },
        { actors: new Set(['BRANCH']), facts: NOTHING },
      ),
    ).toMatchObject({ code: 'topic.notYourStep' });
    const w = transition(
      SEVEN_STEP,
      { status: 'OPEN', stepIndex: 1 },
      { type: 'WITHDRAW', reason: '已由街道统筹' },
      { actors: ALL_ACTORS, facts: NOTHING },
    );
    expect(w).toMatchObject({ ok: true, next: { status: 'WITHDRAWN', stepIndex: 1 } });
    for (const status of ['WITHDRAWN', 'DONE'] as const) {
      expect(transition(SEVEN_STEP, { status, stepIndex: 1 }, { type: 'ADVANCE' }, { actors: ALL_ACTORS, facts: NOTHING })).toEqual({
        ok: false,
        code: 'topic.closed',
      });
    }
  });
});

describe('the other templates say what the brief says', () => {
  test('four deliberations: party members’ meeting reviews, then the representatives decide; both publicities', () => {
    expect(FOUR_TWO.steps.map((s) => s.key)).toEqual(['propose', 'discuss', 'review', 'decide', 'implement', 'publicise']);
    expect(FOUR_TWO.steps[1]!.onLeave).toContainEqual({
      kind: 'OPEN_MOTION',
      body: { kind: 'PARTY_MEMBERS' },
      rule: { kind: 'PARTY_MEMBERS_MEETING' },
    });
    expect(FOUR_TWO.steps.flatMap((s) => s.onLeave).filter((e) => e.kind === 'PUBLISH_NOTICE')).toEqual([
      { kind: 'PUBLISH_NOTICE', notice: 'DECISION' },
      { kind: 'PUBLISH_NOTICE', notice: 'RESULT' },
    ]);
  });
  test('courtyard roadshow: courtyard council agrees and publicises, community council passes by 2/3 of all, contractors compared, budget vs actual', () => {
    expect(COURTYARD_ROADSHOW.steps.map((s) => s.key)).toEqual([
      'raise',
      'courtyardPlan',
      'courtyardAgree',
      'roadshow',
      'contractors',
      'implement',
      'publicise',
    ]);
    expect(COURTYARD_ROADSHOW.steps[2]!.onLeave).toEqual(
      expect.arrayContaining([
        { kind: 'PUBLISH_NOTICE', notice: 'PLAN' },
        {
          kind: 'OPEN_MOTION',
          body: { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
          rule: { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
        },
      ]),
    );
    expect(COURTYARD_ROADSHOW.steps[5]!.gates).toContainEqual({ kind: 'ACTUAL_COST' });
  });
  test('owners’ assembly: the party branch approves before the owners vote (S4)', () => {
    expect(OWNERS_ASSEMBLY.steps.map((s) => [s.key, s.activity])).toEqual([
      ['propose', 'PLAN'],
      ['partyApproval', 'APPROVAL'],
      ['decide', 'MOTION'],
      ['publicise', 'NOTICES'],
    ]);
    const r = transition(
      OWNERS_ASSEMBLY,
      { status: 'OPEN', stepIndex: 1 },
      { type: 'ADVANCE' },
      { actors: ALL_ACTORS, facts: { ...NOTHING, planVersions: 1 } },
    );
    expect(r).toMatchObject({ ok: false, code: 'topic.gate.PARTY_APPROVED' });
  });
  test('consultation: an opinion, never a motion', () => {
    expect(CONSULTATION.steps.flatMap((s) => s.onLeave).some((e) => e.kind === 'OPEN_MOTION')).toBe(false);
    expect(CONSULTATION.steps.some((s) => s.activity === 'MOTION')).toBe(false);
  });
});

describe('an adjusted procedure is checked before it is saved', () => {
  const seven = SEVEN_STEP.steps;
  test.each([
    ['no steps', { code: 'X', steps: [] }, 'procedure.noSteps'],
    ['a step nobody may act in', { code: 'X', steps: [{ ...seven[0]!, actors: [] }] }, 'procedure.noActors'],
    ['a duration of 0 days', { code: 'X', steps: [{ ...seven[0]!, days: 0 }] }, 'procedure.days'],
    ['a vote step whose motion is never opened', { code: 'X', steps: [seven[0]!, seven[4]!] }, 'procedure.motionNotOpened'],
    ['a motion opened with no vote step after it', { code: 'X', steps: [seven[3]!, seven[5]!] }, 'procedure.motionWithoutStep'],
    ['two steps with one key', { code: 'X', steps: [seven[0]!, seven[0]!] }, 'procedure.duplicateKey'],
  ])('%s', (_, p, code) => {
    expect(procedureProblems(p as TProcedure).map((x) => x.code)).toContain(code);
  });
});
