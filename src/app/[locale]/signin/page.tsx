import { getTranslations, setRequestLocale } from 'next-intl/server';
import { anyAdministrator } from '@/server/accounts/first-admin';
import { SignInForm } from '@/features/accounts/components/sign-in-form';
import { Link } from '@/i18n/link';
import { labels, safeNext } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('signin');

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/signin'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('account.signIn');
  const q = await searchParams;
  // No page asked for: the sign-in endpoint chooses the landing by who signs in (issue 20).
  const next = safeNext(q.next, '');
  const one = (v: unknown) => (typeof v === 'string' && /^[a-z0-9]{1,20}$/.test(v) ? v : undefined);
  return (
    <div className="mx-auto max-w-md space-y-5 pt-4">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {(await anyAdministrator()) ? null : (
        <p role="note" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-lg">
          {t('noAdmin')}
        </p>
      )}
      <SignInForm
        t={await labels('account.signIn')}
        next={next}
        form={localizedPath('/signin', locale as TLocale)}
        error={one(q.error)}
        minutes={one(q.minutes)}
      />
      <p className="text-lg">
        {t('noAccount')}{' '}
        <Link href="/register" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          {t('register')}
        </Link>
      </p>
      <p className="text-base text-stone-700">
        {t('forgot')}{' '}
        <Link href="/reset" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          {t('reset')}
        </Link>
      </p>
    </div>
  );
}
