import { deciderOf } from './deciders';
import { activities, topicActors, type TProcedure } from './procedure';

/**
 * Checks a procedure a district admin adjusted, before it is saved: every step has someone who may act,
 * a sensible duration and known gates; a motion step follows a step that opens its motion; a notice a
 * gate waits for is published by an earlier step or can be published in the step itself.
 * Returns problem codes (with the step number), empty when the procedure is sound.
 */
export function procedureProblems(p: TProcedure): { code: string; step?: number }[] {
  const out: { code: string; step?: number }[] = [];
  if (p.steps.length === 0) out.push({ code: 'procedure.noSteps' });
  if (p.steps.length > 20) out.push({ code: 'procedure.tooManySteps' });
  const keys = new Set<string>();
  p.steps.forEach((s, i) => {
    const step = i + 1;
    if (keys.has(s.key)) out.push({ code: 'procedure.duplicateKey', step });
    keys.add(s.key);
    if (s.actors.length === 0 || s.actors.some((a) => !topicActors.includes(a))) out.push({ code: 'procedure.noActors', step });
    if (!activities.includes(s.activity)) out.push({ code: 'procedure.unknownActivity', step });
    if (!Number.isInteger(s.days) || s.days < 1 || s.days > 365) out.push({ code: 'procedure.days', step });
    for (const g of s.gates) {
      if ((g.kind === 'STAKEHOLDERS' || g.kind === 'SUGGESTIONS') && (!Number.isInteger(g.min) || g.min < 0 || g.min > 1000))
        out.push({ code: 'procedure.gateMin', step });
      if (g.kind === 'MOTION_PASSED' && s.activity !== 'MOTION') out.push({ code: 'procedure.motionGateOutsideMotion', step });
      if (
        g.kind === 'NOTICE' &&
        s.activity !== 'NOTICES' &&
        !p.steps.slice(0, i).some((e) => e.onLeave.some((f) => f.kind === 'PUBLISH_NOTICE' && f.notice === g.notice))
      ) {
        out.push({ code: 'procedure.noticeNeverPublished', step });
      }
    }
    if (s.activity === 'MOTION' && !p.steps[i - 1]?.onLeave.some((e) => e.kind === 'OPEN_MOTION'))
      out.push({ code: 'procedure.motionNotOpened', step });
    if (s.onLeave.some((e) => e.kind === 'OPEN_MOTION') && p.steps[i + 1]?.activity !== 'MOTION')
      out.push({ code: 'procedure.motionWithoutStep', step });
    // Who decides is one of the listed pairs; an owners' assembly (which needs the topic's matter) only in its own procedure.
    for (const e of s.onLeave) {
      if (e.kind !== 'OPEN_MOTION') continue;
      const d = deciderOf(e);
      if (!d || (d === 'OWNERS_ASSEMBLY') !== (p.code === 'OWNERS_ASSEMBLY')) out.push({ code: 'procedure.decider', step });
    }
  });
  return out;
}
