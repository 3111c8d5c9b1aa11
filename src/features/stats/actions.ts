'use server';
import { getLocale, getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';
import { refuse } from '@/server/errors';
import { enqueueExport } from '@/server/jobs/start-jobs';
import { parsePeriod } from '@/domain/stats/period';
import { requestExport } from '@/server/stats/export';
import { setExclusion } from '@/server/stats/exclusions';
import { parseUnit } from '@/server/stats/units';
import { ZExclude, ZExport, ZInclude } from './schemas';

export async function excludeIssueAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { issueId, reason } = ZExclude.parse(formObject(fd));
    await setExclusion(await actionBy(), issueId, { exclude: true, reason });
    revalidatePath('/[locale]/issues/[id]', 'page');
    return { ok: true, message: (await getTranslations('stats.exclude'))('done') };
  });
}

export async function includeIssueAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { issueId } = ZInclude.parse(formObject(fd));
    await setExclusion(await actionBy(), issueId, { exclude: false });
    revalidatePath('/[locale]/issues/[id]', 'page');
    return { ok: true, message: (await getTranslations('stats.exclude'))('done') };
  });
}

/** Starts an Excel export in the background; the page then follows its progress. */
export async function startExportAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZExport.parse(formObject(fd));
    const by = await actionBy();
    const unit = parseUnit(input.unit) ?? refuse('stats.badUnit');
    const parsed = parsePeriod({ from: input.from, to: input.to }, by.today);
    if (!parsed.ok) return refuse(parsed.code);
    const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
    const id = await requestExport(by, input.kind, { unit, period: parsed.period, category: input.category, locale }, enqueueExport);
    return { ok: true, data: { id } };
  });
}
