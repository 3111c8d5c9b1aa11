import 'server-only';
import { getTranslations } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';

/** The staff desk's entries of decision 072: the consultation lists (topic.manage) and a district's categories. */
export async function consultationDesks(by: TBy) {
  const t = await getTranslations('consultation.nav');
  const holds = (p: 'topic.manage' | 'topicCategory.manage') => scopesOf(by.actor, p, by.today).length > 0;
  return [
    ...(holds('topic.manage') ? [{ key: 'consultation', href: '/admin/consultation', title: t('admin'), detail: t('adminHint') }] : []),
    ...(holds('topicCategory.manage')
      ? [{ key: 'topicCategories', href: '/admin/topic-categories', title: t('categories'), detail: t('categoriesHint') }]
      : []),
  ];
}
