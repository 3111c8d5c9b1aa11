'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { TFormState } from '@/components/action-form';
import { topicActors, type TStep } from '@/domain/topics/procedure';
import { runAction } from '@/features/shared/action-result';
import { actionUser, byOf } from '@/features/shared/guards';
import { refuse } from '@/server/errors';
import { proceduresFor, procedureOf, saveDistrictProcedure } from '@/server/topics/procedures';

const ZId = z.coerce.number().int().positive();
const ZNum = z.coerce.number({ message: 'field.count' }).int('field.count');

/**
 * A district admin's adjustment of one procedure: per step its duration, who may act, and the numbers
 * its gates ask for. The steps' order, activities and effects stay as the template has them.
 */
export async function saveProcedureAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const user = (await actionUser()) ?? refuse('auth.signedOut');
    const by = byOf(user!);
    const districtId = ZId.parse(fd.get('districtId'));
    const procedureId = ZId.parse(fd.get('procedureId'));
    const from = (await proceduresFor(districtId)).find((p) => p.id === procedureId) ?? refuse('procedure.unknown');
    const steps: TStep[] = procedureOf(from).steps.map((s, i) => ({
      ...s,
      days: ZNum.parse(fd.get(`days_${i}`)),
      actors: fd.getAll(`actors_${i}`).map(String).filter((a): a is TStep['actors'][number] => (topicActors as readonly string[]).includes(a)),
      gates: s.gates.map((g) => (g.kind === 'STAKEHOLDERS' || g.kind === 'SUGGESTIONS' ? { ...g, min: ZNum.parse(fd.get(`min_${i}_${g.kind}`)) } : g)),
    }));
    const { version } = await saveDistrictProcedure(by, districtId, procedureId, steps);
    revalidatePath('/[locale]/admin/procedures', 'page');
    return { ok: true, message: (await getTranslations('procedures'))('saved', { version }) };
  });
}
