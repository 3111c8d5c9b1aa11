'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { TFormState } from '@/components/action-form';
import { deciders, withDecider, type TDecider } from '@/domain/topics/deciders';
import { topicActors, type TStep } from '@/domain/topics/procedure';
import { runAction } from '@/features/shared/action-result';
import { actionUser, byOf } from '@/features/shared/guards';
import { refuse } from '@/server/errors';
import { proceduresFor, procedureOf, saveDistrictProcedure, setOwnersCommitteeRule } from '@/server/topics/procedures';

const ZId = z.coerce.number().int().positive();
const ZNum = z.coerce.number({ message: 'field.count' }).int('field.count');

const withDeciderIf = (s: TStep, d: TDecider | undefined) => (d ? withDecider(s, d) : s);

/**
 * A district admin's adjustment of one procedure: per step its duration, who may act, and the numbers
 * its gates ask for, and who decides the motion a step opens (from the list of src/domain/topics/deciders.ts).
 * The steps' order, activities and other effects stay as the template has them.
 */
export async function saveProcedureAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const user = (await actionUser()) ?? refuse('auth.signedOut');
    const by = byOf(user!);
    const districtId = ZId.parse(fd.get('districtId'));
    const procedureId = ZId.parse(fd.get('procedureId'));
    const from = (await proceduresFor(districtId)).find((p) => p.id === procedureId) ?? refuse('procedure.unknown');
    const decider = (i: number) => z.enum(deciders as [TDecider, ...TDecider[]]).optional().parse(fd.get(`decider_${i}`) ?? undefined);
    const steps: TStep[] = procedureOf(from).steps.map((s, i) => ({
      ...withDeciderIf(s, decider(i)),
      days: ZNum.parse(fd.get(`days_${i}`)),
      actors: fd.getAll(`actors_${i}`).map(String).filter((a): a is TStep['actors'][number] => (topicActors as readonly string[]).includes(a)),
      gates: s.gates.map((g) => (g.kind === 'STAKEHOLDERS' || g.kind === 'SUGGESTIONS' ? { ...g, min: ZNum.parse(fd.get(`min_${i}_${g.kind}`)) } : g)),
    }));
    const { version } = await saveDistrictProcedure(by, districtId, procedureId, steps);
    revalidatePath('/[locale]/admin/procedures', 'page');
    return { ok: true, message: (await getTranslations('procedures'))('saved', { version }) };
  });
}

/** A district admin sets how the district's owners' committees decide (national, or Beijing-Shanghai). */
export async function saveCommitteeRuleAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const user = (await actionUser()) ?? refuse('auth.signedOut');
    const districtId = ZId.parse(fd.get('districtId'));
    const rule = z.enum(['NATIONAL', 'BEIJING_SHANGHAI']).parse(fd.get('rule'));
    await setOwnersCommitteeRule(byOf(user!), districtId, rule);
    revalidatePath('/[locale]/admin/procedures', 'page');
    return { ok: true, message: (await getTranslations('procedures'))('committeeRuleSaved') };
  });
}
