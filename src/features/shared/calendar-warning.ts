import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { TCalendarWarning } from '@/components/calendar-warning';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';

/**
 * What a form says when dates it scheduled fall in years the district's working calendar does not know (issue 17,
 * item 9): which years, and a link to the district's calendar page, where the holidays are entered.
 */
export async function calendarWarning(uncovered: readonly number[], districtId: number): Promise<TCalendarWarning | undefined> {
  if (uncovered.length === 0) return undefined;
  const [t, locale] = await Promise.all([getTranslations('issueSettings'), getLocale()]);
  return {
    text: t('uncovered', { years: uncovered.join('、') }),
    link: t('uncoveredLink'),
    href: localizedPath(`/admin/issue-settings?district=${districtId}#calendar`, locale as TLocale),
  };
}
