import { describe, expect, test } from 'vitest';
import { DECIDERS, deciderOf, withDecider, type TDecider } from '@/domain/topics/deciders';
import { OWNERS_ASSEMBLY, OWNERS_COMMITTEE, RESIDENTS_MEETING, SEVEN_STEP, TEMPLATES, type TProcedure } from '@/domain/topics/procedure';
import { procedureProblems } from '@/domain/topics/validate';

/** The procedure with the step that opens its (first) motion deciding by `decider`. */
const switched = (p: TProcedure, decider: TDecider): TProcedure => ({ ...p, steps: p.steps.map((s) => withDecider(s, decider)) });
const opener = (p: TProcedure) => p.steps.find((s) => s.onLeave.some((e) => e.kind === 'OPEN_MOTION'))!;

describe('who decides a motion is chosen in the procedure editor from a fixed list', () => {
  test.each([
    [SEVEN_STEP, 'RESIDENTS_REPRESENTATIVES'],
    [RESIDENTS_MEETING, 'RESIDENTS_MEETING'],
    [OWNERS_COMMITTEE, 'OWNERS_COMMITTEE'],
    [OWNERS_ASSEMBLY, 'OWNERS_ASSEMBLY'],
  ] as const)('%s decides by %s', (p, decider) => {
    const e = opener(p).onLeave.find((x) => x.kind === 'OPEN_MOTION')!;
    expect(deciderOf(e)).toBe(decider);
  });

  test.each([
    ['seven-step decided by a residents’ meeting', switched(SEVEN_STEP, 'RESIDENTS_MEETING'), []],
    ['seven-step decided by an owners’ committee', switched(SEVEN_STEP, 'OWNERS_COMMITTEE'), []],
    ['seven-step decided by the party members’ meeting', switched(SEVEN_STEP, 'PARTY_MEMBERS_MEETING'), []],
    ['residents’ meeting procedure decided by the community council', switched(RESIDENTS_MEETING, 'COMMUNITY_COUNCIL'), []],
    [
      'seven-step decided by an owners’ assembly (needs its matter: only the assembly procedure)',
      switched(SEVEN_STEP, 'OWNERS_ASSEMBLY'),
      [{ code: 'procedure.decider', step: 4 }],
    ],
    [
      'the owners’ assembly procedure decided by anyone else',
      switched(OWNERS_ASSEMBLY, 'RESIDENTS_MEETING'),
      [{ code: 'procedure.decider', step: 2 }],
    ],
    [
      'a rule that is not on the list (one third of the roster)',
      {
        ...SEVEN_STEP,
        steps: SEVEN_STEP.steps.map((s) => ({
          ...s,
          onLeave: s.onLeave.map((e) =>
            e.kind === 'OPEN_MOTION' ? { ...e, rule: { kind: 'ROSTER_FRACTION' as const, fraction: { p: 1, q: 3 } } } : e,
          ),
        })),
      },
      [{ code: 'procedure.decider', step: 4 }],
    ],
  ])('%s', (_, p, problems) => {
    expect(procedureProblems(p)).toEqual(problems);
  });

  test('every template is sound, and switching keeps every other part of the step', () => {
    for (const t of TEMPLATES) expect(procedureProblems(t)).toEqual([]);
    const s = withDecider(opener(SEVEN_STEP), 'RESIDENTS_MEETING');
    expect(s.onLeave).toEqual([{ kind: 'NOTIFY_STAKEHOLDERS' }, { kind: 'OPEN_MOTION', ...DECIDERS.RESIDENTS_MEETING }]);
    expect(withDecider(SEVEN_STEP.steps[0]!, 'RESIDENTS_MEETING')).toEqual(SEVEN_STEP.steps[0]);
  });
});
