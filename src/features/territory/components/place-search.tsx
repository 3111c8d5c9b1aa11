import { getTranslations } from 'next-intl/server';

/** A plain GET form: works without JavaScript, and the result page is linkable. */
export async function PlaceSearch({ defaultValue }: { defaultValue: string }) {
  const t = await getTranslations('territory.search');
  return (
    <form role="search" method="get" className="flex gap-2">
      <label htmlFor="place-q" className="sr-only">
        {t('label')}
      </label>
      <input
        id="place-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t('placeholder')}
        maxLength={40}
        autoComplete="off"
        className="min-h-12 w-full flex-1 rounded-lg border border-stone-400 bg-white px-3 text-lg"
      />
      <button type="submit" className="min-h-12 shrink-0 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800">
        {t('submit')}
      </button>
    </form>
  );
}
