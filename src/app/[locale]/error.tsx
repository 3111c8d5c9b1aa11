'use client';
import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import en from '../../../messages/en/common.json';
import zh from '../../../messages/zh-CN/common.json';

/**
 * What a user sees when a page fails on the server (the database is down, a bug): in their language, what
 * happened, what to do, and a way back — never Next's English error page. The digest lets staff find the
 * server's log line without showing any detail of the error.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = (locale === 'en' ? en : zh).errorPage;
  useEffect(() => {
    document.title = t.title;
  }, [t.title]);
  return (
    <div className="space-y-4 py-8" role="alert">
      <h1 className="text-3xl font-bold">{t.title}</h1>
      <p className="text-lg">{t.body}</p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="min-h-12 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white">
          {t.retry}
        </button>
        <a
          href={locale === 'en' ? '/en' : '/'}
          className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
        >
          {t.back}
        </a>
      </div>
      {error.digest && <p className="text-base text-stone-700">{t.code.replace('{digest}', error.digest)}</p>}
    </div>
  );
}
