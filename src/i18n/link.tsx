import NextLink from 'next/link';
import { getLocale } from 'next-intl/server';
import type { ComponentProps } from 'react';
import { localizedPath } from './paths';
import type { TLocale } from './routing';

/**
 * A link to a page in the current language, rendered on the server. next-intl's own Link is a client
 * component that ships its whole runtime to the browser; pages here are server components, so this
 * keeps first-load JavaScript small (docs/performance.md).
 */
export async function Link({ href, ...rest }: Omit<ComponentProps<typeof NextLink>, 'href'> & { href: string }) {
  const locale = (await getLocale()) as TLocale;
  return <NextLink href={localizedPath(href, locale)} {...rest} />;
}
