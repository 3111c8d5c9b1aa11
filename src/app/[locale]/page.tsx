import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/i18n/link';
import { countDivisions } from '@/server/territory/count-divisions';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('home');

const STEPS = ['raise', 'ideas', 'plan', 'consensus', 'decide', 'implement', 'publicise'] as const;

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const counts = await countDivisions();
  return (
    <div className="space-y-8">
      <section className="space-y-4 pt-4">
        <h1 className="text-3xl font-bold leading-tight text-brand-700">{t('title')}</h1>
        <p className="text-lg leading-relaxed">{t('intro')}</p>
        <Link
          href="/places"
          className="inline-flex min-h-14 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white hover:bg-brand-800"
        >
          {t('browse')}
        </Link>
        <p className="text-base text-stone-700">{t('stats', counts)}</p>
      </section>
      <section aria-labelledby="steps" className="space-y-3">
        <h2 id="steps" className="text-2xl font-semibold">
          {t('steps.title')}
        </h2>
        <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {STEPS.map((s, i) => (
            <li key={s} className="flex items-center gap-2 rounded-lg border border-stone-200 bg-white p-3">
              <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-brand-700 font-bold text-white">
                {i + 1}
              </span>
              <span className="text-lg">{t(`steps.${s}`)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="who" className="space-y-3">
        <h2 id="who" className="text-2xl font-semibold">
          {t('who.title')}
        </h2>
        <ul className="space-y-2 text-lg leading-relaxed">
          <li>{t('who.residents')}</li>
          <li>{t('who.secretaries')}</li>
          <li>{t('who.street')}</li>
        </ul>
      </section>
    </div>
  );
}
