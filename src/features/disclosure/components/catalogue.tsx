import { getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import type { TBy } from '@/server/accounts/by';
import { readCatalogue } from '@/server/disclosure/catalogue';
import { DEFAULT_CATALOGUE } from '@/server/disclosure/defaults';
import { CopyDefaultForm, ItemForm, RetireForm } from './catalogue-forms';

/** A district's catalogue for those who keep it: the items (rule, discloser, template), copy the default, add, retire. */
export async function CatalogueSection({ by, districtId }: { by: TBy; districtId: number }) {
  const t = await getTranslations('disclosure');
  const { district, items } = await readCatalogue(by, districtId);
  const words = { ...(await labels('disclosure.catalogue')), placeholders: t('catalogue.placeholders') };
  const opts = <K extends 'category' | 'discloser' | 'cadence'>(k: K, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`${k}.${v}` as 'category.PARTY') }));
  return (
    <section aria-labelledby={`catalogue-${districtId}`} className="space-y-4" data-testid="disclosure-catalogue">
      <h2 id={`catalogue-${districtId}`} className="text-2xl font-semibold">
        {t('catalogue.title', { district: district.name })}
      </h2>
      {items.length === 0 ? (
        <>
          <p className="text-lg">{t('catalogue.empty')}</p>
          <CopyDefaultForm
            districtId={districtId}
            today={by.today}
            t={{ ...words, copyDefault: t('catalogue.copyDefault', { count: DEFAULT_CATALOGUE.length }) }}
          />
        </>
      ) : (
        <ul className="space-y-2">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-300 p-3">
              <div>
                <p className="text-lg font-semibold">
                  {i.name} {i.retiredAt && <span className="text-base font-normal text-stone-700">（{t('catalogue.retired')}）</span>}
                </p>
                <p className="text-base text-stone-700">
                  {t(`category.${i.category as 'PARTY'}`)} · {t(`discloser.${i.discloser}`)} · {t(`cadence.${i.cadence}`)} ·{' '}
                  {i.cadence === 'EVENT' ? t('rule.event', { days: i.withinDays ?? 0 }) : t('rule.periodic', { days: i.graceDays })} ·{' '}
                  {t('catalogue.startsOn')} {i.startsOn}
                </p>
              </div>
              {!i.retiredAt && <RetireForm itemId={i.id} label={t('catalogue.retire')} />}
            </li>
          ))}
        </ul>
      )}
      <details className="rounded-lg border border-stone-300 p-3">
        <summary className="min-h-12 cursor-pointer py-2 text-lg font-semibold">{t('catalogue.add')}</summary>
        <ItemForm
          districtId={districtId}
          today={by.today}
          t={words}
          options={{
            category: opts('category', ['PARTY', 'RESIDENTS', 'FINANCE']),
            discloser: opts('discloser', ['COMMUNITY', 'OWNERS_COMMITTEE', 'PROPERTY_FIRM']),
            cadence: opts('cadence', ['MONTHLY', 'QUARTERLY', 'YEARLY', 'EVENT']),
          }}
        />
      </details>
    </section>
  );
}
