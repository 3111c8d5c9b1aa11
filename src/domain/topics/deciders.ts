import type { TRule } from '../votes/evaluate';
import type { TEffect, TMotionBody, TStep } from './procedure';

/**
 * Who decides a motion and by which rule (rules.md §1–§4): the choices a district admin has for a step
 * that opens a motion. A fixed list, so that every pairing of voters and rule is one the rules describe.
 * An owners' assembly needs the topic's matter (1–9), so it stays with its own procedure.
 */
const TWO_THIRDS = { p: 2, q: 3 };
export const DECIDERS = {
  RESIDENTS_REPRESENTATIVES: {
    body: { kind: 'BODY', bodyKind: 'RESIDENTS_REPRESENTATIVES' },
    rule: { kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS },
  },
  COMMUNITY_COUNCIL: { body: { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' }, rule: { kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS } },
  COURTYARD_COUNCIL: { body: { kind: 'BODY', bodyKind: 'COURTYARD_COUNCIL' }, rule: { kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS } },
  RESIDENTS_MEETING: { body: { kind: 'HOUSEHOLDS' }, rule: { kind: 'RESIDENTS_MEETING' } },
  OWNERS_COMMITTEE: { body: { kind: 'BODY', bodyKind: 'OWNERS_COMMITTEE' }, rule: { kind: 'OWNERS_COMMITTEE', jurisdiction: 'NATIONAL' } },
  PARTY_MEMBERS_MEETING: { body: { kind: 'PARTY_MEMBERS' }, rule: { kind: 'PARTY_MEMBERS_MEETING' } },
  OWNERS_ASSEMBLY: { body: { kind: 'OWNERS' }, rule: { kind: 'OWNERS_ASSEMBLY', matter: 9 } },
} as const satisfies Record<string, { body: TMotionBody; rule: TRule }>;
export type TDecider = keyof typeof DECIDERS;
export const deciders = Object.keys(DECIDERS) as TDecider[];

/** The decider an effect that opens a motion names, or null when its voters and rule are not a listed pair. */
export function deciderOf(e: Extract<TEffect, { kind: 'OPEN_MOTION' }>): TDecider | null {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return deciders.find((d) => same(DECIDERS[d].body, e.body) && same(DECIDERS[d].rule, e.rule)) ?? null;
}

/** The step with its motion decided by `decider` (a step that opens no motion is returned unchanged). */
export function withDecider(step: TStep, decider: TDecider): TStep {
  const { body, rule } = DECIDERS[decider] as { body: TMotionBody; rule: TRule };
  return { ...step, onLeave: step.onLeave.map((e) => (e.kind === 'OPEN_MOTION' ? { kind: 'OPEN_MOTION', body, rule } : e)) };
}

/** Whether some motion of the procedure is decided by an owners' committee (a body of one compound). */
export function decidedByCommittee(steps: TStep[]): boolean {
  return steps.some((s) =>
    s.onLeave.some((e) => e.kind === 'OPEN_MOTION' && e.body.kind === 'BODY' && e.body.bodyKind === 'OWNERS_COMMITTEE'),
  );
}
