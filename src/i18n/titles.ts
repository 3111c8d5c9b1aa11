import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type common from '../../messages/zh-CN/common.json';

export type TPageKey = keyof (typeof common)['pageTitle'];

/** A page's own <title> (issue 20): its route's entry in common.pageTitle (keys: pageKey), or a name shown on the page. */
export async function pageTitle(key: TPageKey, name?: string | null): Promise<Metadata> {
  return { title: name || (await getTranslations('common.pageTitle'))(key) };
}

/** generateMetadata for a page titled by its route alone. */
export const titled = (key: TPageKey) => () => pageTitle(key);
