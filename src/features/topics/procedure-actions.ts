'use server';
import { z } from 'zod';
import { deciders, withDecider, type TDecider } from '@/domain/topics/deciders';
import { topicActors, type TStep } from '@/domain/topics/procedure';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { proceduresFor, procedureOf, saveDistrictProcedure, setOwnersCommitteeRule } from '@/server/topics/procedures';

const ZId = z.coerce.number().int().positive();
const ZNum = z.coerce.number({ message: 'field.count' }).int('field.count');
const district = async ({ districtId }: { districtId: number }) => ({ district: districtId });

const withDeciderIf = (s: TStep, d: TDecider | undefined) => (d ? withDecider(s, d) : s);

/** The adjusted steps, read from the form's per-step fields (days_0, actors_0, min_0_SUGGESTIONS, decider_0, ...). */
function stepsOf(form: FormData, template: TStep[]): TStep[] {
  const decider = (i: number) =>
    z
      .enum(deciders as [TDecider, ...TDecider[]])
      .optional()
      .parse(form.get(`decider_${i}`) ?? undefined);
  return template.map((s, i) => ({
    ...withDeciderIf(s, decider(i)),
    days: ZNum.parse(form.get(`days_${i}`)),
    actors: form
      .getAll(`actors_${i}`)
      .map(String)
      .filter((a): a is TStep['actors'][number] => (topicActors as readonly string[]).includes(a)),
    gates: s.gates.map((g) =>
      g.kind === 'STAKEHOLDERS' || g.kind === 'SUGGESTIONS' ? { ...g, min: ZNum.parse(form.get(`min_${i}_${g.kind}`)) } : g,
    ),
  }));
}

/**
 * A district admin's adjustment of one procedure: per step its duration, who may act, and the numbers
 * its gates ask for, and who decides the motion a step opens (from the list of src/domain/topics/deciders.ts).
 * The steps' order, activities and other effects stay as the template has them.
 */
export const saveProcedureAction = command({
  who: 'procedure.manage',
  input: z.object({ districtId: ZId, procedureId: ZId }),
  target: district,
  run: async (by, { districtId, procedureId }, ctx) => {
    const from = (await proceduresFor(districtId)).find((p) => p.id === procedureId) ?? refuse('procedure.unknown');
    return saveDistrictProcedure(by, districtId, procedureId, stepsOf(ctx.form, procedureOf(from).steps));
  },
  done: ({ version }) => say('procedures', 'saved', { version }),
  refresh: true,
});

/** A district admin sets how the district's owners' committees decide (national, or Beijing-Shanghai). */
export const saveCommitteeRuleAction = command({
  who: 'procedure.manage',
  input: z.object({ districtId: ZId, rule: z.enum(['NATIONAL', 'BEIJING_SHANGHAI']) }),
  target: district,
  run: (by, { districtId, rule }) => setOwnersCommitteeRule(by, districtId, rule),
  done: () => say('procedures', 'committeeRuleSaved'),
  refresh: true,
});
