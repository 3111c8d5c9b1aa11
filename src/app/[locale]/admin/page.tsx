import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { sectionsFor } from '@/features/admin/staff-permissions';
import { byOf, requireUser } from '@/features/shared/guards';
import { listPendingClaims } from '@/server/accounts/claims';
import { describeScopes } from '@/server/admin/scope-lists';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHome({ params }: PageProps<'/[locale]/admin'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/admin');
  const by = byOf(user);
  const sections = sectionsFor(by);
  if (sections.length === 0) notFound();
  const t = await getTranslations('admin');
  const pending = sections.some((s) => s.key === 'claims') ? (await listPendingClaims(by)).length : 0;
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro', { scopes: (await describeScopes(by)).join('、') })}</p>
      <LinkList
        items={sections.map((s) => ({
          key: s.key,
          href: s.href,
          title: t(`sections.${s.key}`),
          detail: s.key === 'claims' ? t('pendingCount', { count: pending }) : undefined,
        }))}
      />
    </div>
  );
}
