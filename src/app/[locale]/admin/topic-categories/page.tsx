import { getTranslations, setRequestLocale } from 'next-intl/server';
import { titled } from '@/i18n/titles';
import { scopesOf } from '@/domain/authz/can';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { AddCategoryForm, RenameCategoryForm, RetireCategoryForm } from '@/features/consultation/components/category-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { listCategories } from '@/server/consultation/categories';
import { districtsByIds } from '@/server/places/districts';

export const generateMetadata = titled('admin-topic-categories');

/** Topic categories (decision 072): the ten built-ins, and a district's own, which its administrators add and retire. */
export default async function TopicCategoriesPage({ params, searchParams }: PageProps<'/[locale]/admin/topic-categories'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/topic-categories', 'topicCategory.manage');
  const districts = scopesOf(by.actor, 'topicCategory.manage', by.today)
    .filter((p) => p.level === 'district')
    .map((p) => p.id);
  const t = await getTranslations('consultation.categories');
  if (districts.length === 0)
    return (
      <AdminShell title={t('title')}>
        <p className="text-lg">{t('intro')}</p>
      </AdminShell>
    );
  const raw = (await searchParams).district;
  const districtId = typeof raw === 'string' && districts.includes(Number(raw)) ? Number(raw) : districts[0]!;
  const [names, all, l] = await Promise.all([districtsByIds(districts), listCategories(by, districtId), labels('consultation.categories')]);
  const en = locale === 'en';
  const builtIn = all.filter((c) => c.districtId === null);
  const own = all.filter((c) => c.districtId !== null);
  return (
    <AdminShell title={t('title')}>
      {names.length > 1 && (
        <nav aria-label={t('district')} className="flex flex-wrap gap-2">
          {names.map((d) => (
            <Link
              key={d.id}
              href={`/admin/topic-categories?district=${d.id}`}
              aria-current={d.id === districtId ? 'page' : undefined}
              className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 px-4 text-lg aria-[current=page]:bg-brand-100"
            >
              {d.name}
            </Link>
          ))}
        </nav>
      )}
      <p className="text-lg">{t('intro')}</p>
      <section aria-labelledby="built-in" className="space-y-2">
        <h2 id="built-in" className="text-2xl font-semibold">
          {t('builtIn')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2" data-testid="built-in-categories">
          {builtIn.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
              {en ? c.nameEn : c.nameZh} <span className="text-base text-stone-700">· {t('topics', { n: c._count.topics })}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="own" className="space-y-2">
        <h2 id="own" className="text-2xl font-semibold">
          {t('own')}
        </h2>
        {own.length === 0 && <p className="text-lg">{t('noneOwn')}</p>}
        <ul className="space-y-3" data-testid="own-categories">
          {own.map((c) => (
            <li key={c.id}>
              <details className="rounded-lg border border-stone-300 p-3">
                <summary className="flex min-h-12 cursor-pointer flex-wrap items-center gap-x-2 text-lg font-medium">
                  <span className={c.retiredAt ? 'line-through' : ''}>{en ? c.nameEn : c.nameZh}</span>
                  <span className="text-base font-normal text-stone-700">
                    {c.code} · {t('topics', { n: c._count.topics })}
                    {c.retiredAt ? ` · ${t('retired')}` : ''}
                  </span>
                </summary>
                {!c.retiredAt && (
                  <div className="space-y-3 pt-2">
                    <RenameCategoryForm id={c.id} nameZh={c.nameZh} nameEn={c.nameEn} t={l} />
                    <RetireCategoryForm id={c.id} label={t('retire')} />
                  </div>
                )}
              </details>
            </li>
          ))}
        </ul>
        <AddCategoryForm districtId={districtId} t={l} />
      </section>
    </AdminShell>
  );
}
