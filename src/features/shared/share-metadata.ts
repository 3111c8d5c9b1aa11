import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { publicUrl } from '@/env';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { pageTitle, type TPageKey } from '@/i18n/titles';
import { CARD, shareCard, type TSharedKind } from '@/server/share/cards';

/**
 * The <title> and share card (og:title, og:description, og:image, og:url) of a public page, read as an anonymous
 * visitor would: a page that visitor cannot open gets its route's title and no card (decision 055).
 */
export async function sharedPageMetadata(key: TPageKey, kind: TSharedKind, rawId: string): Promise<Metadata> {
  const card = /^\d{1,9}$/.test(rawId) ? await shareCard(kind, Number(rawId)) : null;
  if (!card) return pageTitle(key);
  const locale = (await getLocale()) as TLocale;
  const { title, description } = card;
  return {
    title,
    description,
    openGraph: {
      type: 'article',
      siteName: (await getTranslations('common'))('appName'),
      locale: locale === 'en' ? 'en_US' : 'zh_CN',
      title,
      description,
      url: publicUrl(localizedPath(card.path, locale)),
      images: [{ url: publicUrl(`/api/cards/${kind}/${card.id}`), ...CARD, alt: title, type: 'image/png' }],
    },
    twitter: { card: 'summary_large_image' },
  };
}
