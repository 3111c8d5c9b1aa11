import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { UploadTexts } from '@/components/upload-field';
import { routing } from '@/i18n/routing';
import { CARE_COOKIE, careModeOn } from '@/lib/care-mode';
import '../globals.css';

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b3261e' };

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'common' });
  return {
    title: { default: `${t('appName')} · ${t('tagline')}`, template: `%s · ${t('appName')}` },
    description: t('tagline'),
    manifest: '/manifest.webmanifest',
    icons: { icon: '/favicon.ico', apple: '/apple-touch-icon.png' },
    appleWebApp: { title: t('appName'), capable: true },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  // Rendered for each request: Next.js puts that request's CSP nonce (src/proxy.ts) on its scripts,
  // which a page prerendered at build time could not carry.
  await connection();
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('common');
  const errors = await getTranslations('errors');
  // The 大字/关怀 mode chosen on this device (decision 058): bigger text and targets, darker greys, a simpler header.
  const care = careModeOn((await cookies()).get(CARE_COOKIE.name)?.value);
  // What forms say about files in the browser (too big, too many, sending, not sent): raw, filled there.
  const uploads = {
    tooLarge: errors.raw('upload.tooLarge') as string,
    tooMany: errors.raw('upload.tooMany') as string,
    sendFailed: errors.raw('upload.sendFailed') as string,
    sending: t.raw('upload.sending') as string,
  };
  return (
    <html lang={locale} className={care ? 'care' : undefined}>
      <body className="min-h-dvh bg-stone-50 text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-3">
          {t('skipToContent')}
        </a>
        {/* No next-intl runtime in the browser: pages are server components, and the few client
            components get their texts from the server as props. */}
        <UploadTexts value={uploads}>
          <SiteHeader care={care} />
          <main id="main" className="mx-auto w-full max-w-3xl px-4 pb-16 pt-4">
            {children}
          </main>
          <SiteFooter care={care} />
        </UploadTexts>
      </body>
    </html>
  );
}
