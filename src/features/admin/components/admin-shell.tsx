import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Breadcrumbs } from '@/components/breadcrumbs';

/** Heading and breadcrumbs of a staff desk page. */
export async function AdminShell({ title, children }: { title: string; children: ReactNode }) {
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  return (
    <div className="space-y-5">
      <Breadcrumbs items={[{ label: tc('nav.home'), href: '/' }, { label: t('title'), href: '/admin' }, { label: title }]} />
      <h1 className="text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}
