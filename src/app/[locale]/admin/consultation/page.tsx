import { getTranslations, setRequestLocale } from 'next-intl/server';
import { titled } from '@/i18n/titles';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { ListView } from '@/features/consultation/components/list-view';
import { AddItemForm, CreateListForm, PublishListForm, RetireItemForm } from '@/features/consultation/components/list-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { categoriesFor } from '@/server/consultation/categories';
import { managedCommunities } from '@/server/consultation/lists';
import { readLists } from '@/server/consultation/read';
import { thisYear } from '@/server/today';

export const generateMetadata = titled('admin-consultation');

/** Staff who manage a community's topics draw up its yearly consultation lists and publish them to the board. */
export default async function AdminConsultationPage({ params, searchParams }: PageProps<'/[locale]/admin/consultation'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/consultation', 'topic.manage');
  const communities = await managedCommunities(by);
  const t = await getTranslations('consultation');
  if (communities.length === 0)
    return (
      <AdminShell title={t('admin.title')}>
        <p className="text-lg">{t('admin.none')}</p>
      </AdminShell>
    );
  const raw = (await searchParams).community;
  const community = communities.find((c) => String(c.id) === raw) ?? communities[0]!;
  const [lists, categories, l] = await Promise.all([
    readLists(community.id, { drafts: true }),
    categoriesFor(community.street.districtId),
    labels('consultation.admin'),
  ]);
  const en = locale === 'en';
  const options = {
    categories: categories.map((c) => ({ value: String(c.id), label: en ? c.nameEn : c.nameZh })),
    sources: (['RESIDENTS', 'COMMITTEES', 'HIGHER', 'OTHER'] as const).map((s) => ({ value: s, label: t(`source.${s}`) })),
    whens: [
      ...[1, 2, 3, 4].map((n) => ({ value: `Q${n}`, label: t('list.quarter', { n }) })),
      ...Array.from({ length: 12 }, (_, k) => ({ value: `M${k + 1}`, label: t('list.month', { n: k + 1 }) })),
    ],
  };
  return (
    <AdminShell title={t('admin.title')}>
      {communities.length > 1 && (
        <nav aria-label={t('admin.pick')} className="flex flex-wrap gap-2">
          {communities.map((c) => (
            <Link
              key={c.id}
              href={`/admin/consultation?community=${c.id}`}
              aria-current={c.id === community.id ? 'page' : undefined}
              className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 px-4 text-lg aria-[current=page]:bg-brand-100"
            >
              {c.name}
            </Link>
          ))}
        </nav>
      )}
      <Link href={`/consultation/${community.code}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
        {t('admin.publicPage')}
      </Link>
      <section aria-labelledby="new-list" className="space-y-2">
        <h2 id="new-list" className="text-2xl font-semibold">
          {t('admin.create')}
        </h2>
        <CreateListForm communityId={community.id} year={thisYear()} t={l} />
      </section>
      {lists.map((list) => (
        <div key={list.id} className="space-y-3 border-t border-stone-300 pt-4">
          <ListView
            list={list}
            community={community.name}
            lineExtra={(itemId) =>
              list.items.find((i) => i.id === itemId)?.retiredAt ? null : <RetireItemForm itemId={itemId} label={t('admin.retire')} />
            }
          />
          <details className="rounded-lg border border-stone-300 p-3">
            <summary className="flex min-h-12 cursor-pointer items-center text-lg font-medium">{t('admin.addItem')}</summary>
            <AddItemForm listId={list.id} {...options} t={l} />
          </details>
          {list.items.some((i) => !i.retiredAt) && (
            <PublishListForm
              listId={list.id}
              lockVersion={list.lockVersion}
              label={list.status === 'PUBLISHED' ? t('admin.republish') : t('admin.publish')}
            />
          )}
        </div>
      ))}
    </AdminShell>
  );
}
