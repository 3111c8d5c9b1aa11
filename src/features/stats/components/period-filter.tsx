import { getTranslations } from 'next-intl/server';
import { presets } from '@/domain/stats/period';
import { Link } from '@/i18n/link';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { getLocale } from 'next-intl/server';

/** Period and category: a plain GET form (works without JavaScript); every figure on the page follows it. */
export async function PeriodFilter({
  unit,
  from,
  to,
  category,
  categories,
  error,
}: {
  unit: string;
  from: string;
  to: string;
  category: string | null;
  categories: { code: string; nameZh: string; nameEn: string }[];
  error: string | null;
}) {
  const t = await getTranslations('stats');
  const te = await getTranslations('errors');
  const locale = (await getLocale()) as TLocale;
  const qs = (extra: Record<string, string>) => new URLSearchParams({ unit, ...(category ? { category } : {}), ...extra }).toString();
  return (
    <form
      method="get"
      action={localizedPath('/admin/stats', locale)}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-label={t('period.label')}
    >
      <input type="hidden" name="unit" value={unit} />
      <div className="flex flex-wrap gap-2">
        {presets.map((p) => (
          <Link
            key={p}
            href={`/admin/stats?${qs({ preset: p })}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 text-base hover:bg-brand-50"
          >
            {t(`period.${p}`)}
          </Link>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <label className="block text-lg">
          {t('period.from')}
          <input
            type="month"
            name="from"
            defaultValue={from}
            className="mt-1 block min-h-12 w-full min-w-0 rounded-lg border border-stone-400 px-3 text-lg"
          />
        </label>
        <label className="block text-lg">
          {t('period.to')}
          <input
            type="month"
            name="to"
            defaultValue={to}
            className="mt-1 block min-h-12 w-full min-w-0 rounded-lg border border-stone-400 px-3 text-lg"
          />
        </label>
        <label className="block text-lg">
          {t('category.label')}
          <select
            name="category"
            defaultValue={category ?? ''}
            className="mt-1 block min-h-12 w-full min-w-0 rounded-lg border border-stone-400 bg-white px-3 text-lg"
          >
            <option value="">{t('category.all')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === 'en' ? c.nameEn : c.nameZh}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-lg text-red-900">
          {te(error)}
        </p>
      )}
      <button
        type="submit"
        className="min-h-12 w-full rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800 sm:w-auto"
      >
        {t('period.apply')}
      </button>
    </form>
  );
}
