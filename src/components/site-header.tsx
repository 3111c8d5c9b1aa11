import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { getSessionUser } from '@/server/auth/session';
import { unreadCount } from '@/server/notifications/inbox';
import { hasMyTasks } from '@/server/topics/my-tasks';
import { today } from '@/server/today';
import { InboxLink } from './inbox-link';
import { LanguageSwitch } from './language-switch';

/**
 * One row at any text size (decision 058): the mark, then the menu, which scrolls sideways inside itself when its
 * words do not fit (at 200 % text on a phone) instead of wrapping the header over a third of the screen. In the
 * 大字/关怀 mode only the mark and the account (or sign-in) link remain.
 */
export async function SiteHeader({ care }: { care: boolean }) {
  const t = await getTranslations('common');
  const locale = await getLocale();
  const user = await getSessionUser();
  // Shown to those acting for a task's owner (firm staff, committee members, persons): checked on the server.
  const tasks =
    user && !care
      ? await hasMyTasks({ userId: user.id, personId: user.personId, label: user.name, actor: user.actor, today: today() })
      : false;
  const unread = user ? await unreadCount(user.id) : 0;
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-3xl items-center gap-x-2 px-4 py-1 sm:gap-x-3">
        <Link href="/" className="flex min-h-12 shrink-0 items-center gap-2 text-xl font-bold">
          <span aria-hidden className="grid size-9 place-items-center rounded-full bg-white text-brand-700">
            议
          </span>
          {/* On a phone the mark alone, so that the menu fits on one line; the name is still read out. */}
          <span className="sr-only sm:not-sr-only">{t('appName')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="ml-auto flex min-w-0 items-center overflow-x-auto whitespace-nowrap sm:gap-1">
          {!care && (
            <Link href="/places" className="flex min-h-12 items-center rounded px-1.5 hover:bg-brand-800 sm:px-3">
              {t('nav.places')}
            </Link>
          )}
          {user && !care && (
            <Link href="/issues" className="flex min-h-12 items-center rounded px-1.5 hover:bg-brand-800 sm:px-3">
              {t('nav.issues')}
            </Link>
          )}
          {user && (
            <InboxLink
              href={localizedPath('/inbox', locale as TLocale)}
              initial={unread}
              text={t('nav.inbox')}
              unreadText={t('nav.unread', { count: '#' })}
            />
          )}
          {tasks && (
            <Link href="/tasks" className="flex min-h-12 items-center rounded px-1.5 hover:bg-brand-800 sm:px-3">
              {t('nav.tasks')}
            </Link>
          )}
          <Link href={user ? '/me' : '/signin'} className="flex min-h-12 items-center rounded px-1.5 hover:bg-brand-800 sm:px-3">
            {user ? t('nav.account') : t('nav.signIn')}
          </Link>
          {/* The switch reads the query string, so it renders on the client inside a Suspense boundary. */}
          {(!care || locale === 'en') && (
            <Suspense fallback={<span className="min-h-12 px-3">{t('language.switchTo')}</span>}>
              <LanguageSwitch target={locale === 'en' ? 'zh-CN' : 'en'} text={t('language.switchTo')} label={t('language.switchToLabel')} />
            </Suspense>
          )}
        </nav>
      </div>
    </header>
  );
}
