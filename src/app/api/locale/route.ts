import { z } from 'zod';
import { safeNext } from '@/domain/shared/safe-next';
import { handler } from '@/features/shared/handler';
import { localizedPath, stripLocale } from '@/i18n/paths';
import { LOCALE_COOKIE, locales, type TLocale } from '@/i18n/routing';

const ZSwitch = z.object({
  to: z.enum(locales as unknown as [TLocale, ...TLocale[]]),
  next: z
    .string()
    .default('/')
    .refine((next) => safeNext(next, '') === next),
});

/**
 * Switches the language: remembers it in the cookie and goes to the same page in that language. A plain
 * link to here works before the page's JavaScript has loaded (or without it), which an elderly
 * resident's slow phone needs. Only paths on this site are followed.
 */
export const GET = handler({
  who: 'public',
  input: ZSwitch,
  invalid: () => new Response('Bad request', { status: 400 }),
  run: async (_, { to, next }, { req }) => {
    const [path, search] = next.split('?') as [string, string | undefined];
    const target = localizedPath(stripLocale(path), to) + (search ? `?${search}` : '');
    // Only the visitor's own tap on the switch (a link on one of our pages) remembers the choice; the same link opened
    // from a chat or another site shows that page in the language and pins nothing (decision 058). Browsers that send
    // no Sec-Fetch-Site are taken at their word.
    const site = req.headers.get('sec-fetch-site');
    if (site !== null && site !== 'same-origin') return new Response(null, { status: 303, headers: { Location: target } });
    return new Response(null, {
      status: 303,
      headers: { Location: target, 'Set-Cookie': `${LOCALE_COOKIE.name}=${to}; Path=/; Max-Age=${LOCALE_COOKIE.maxAge}; SameSite=Lax` },
    });
  },
});
