import type { TLinkItem } from '@/components/link-list';

type TIssueRow<S> = { id: number; title: string; state: S; category: { nameZh: string; nameEn: string } };

/** One issue as a row of a LinkList: its title, its state as a badge, its category and number (my issues, /me). */
export function issueLinkItem<S>(i: TIssueRow<S>, stateWords: (state: S) => string, locale: string): TLinkItem {
  return {
    key: String(i.id),
    href: `/issues/${i.id}`,
    title: i.title,
    badge: stateWords(i.state),
    detail: `${locale === 'en' ? i.category.nameEn : i.category.nameZh} · #${i.id}`,
  };
}
