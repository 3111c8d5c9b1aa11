import { publicUrl } from '@/env';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AnswerForm, ConcludeForm, ObjectionForm, PrintButton } from '@/features/notices/components/notice-forms';
import { byOf } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { getSessionUser } from '@/server/auth/session';
import { noticeQrSvg } from '@/server/notices/print';
import { getNoticeView } from '@/server/notices/read-board';
import { topicHref } from '@/server/topics/public-record';
import { sharedPageMetadata } from '@/features/shared/share-metadata';

export async function generateMetadata({ params }: PageProps<'/[locale]/board/n/[id]'>) {
  return sharedPageMetadata('board-n-id', 'notice', (await params).id);
}

/** One notice, public: text, period, objections and answers; print on A4 with a QR code; PDF. */
export default async function NoticePage({ params }: PageProps<'/[locale]/board/n/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const user = await getSessionUser();
  const n = await getNoticeView(Number(id), user ? byOf(user) : null);
  if (!n) notFound();
  const t = await getTranslations('board');
  const l = await labels('board.form');
  const format = await getFormatter();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }) : '');
  // The printed QR code is the site's own address, never the request's Host (behind a proxy: localhost).
  const url = publicUrl(`/board/n/${n.id}`);
  const qr = await noticeQrSvg(url);
  const place = [n.place.street, n.place.community, n.place.compound].filter(Boolean).join(' · ');
  const topicLink = n.topicId ? await topicHref(n.topicId, !!user) : null;
  return (
    <article className="notice space-y-5 pt-2">
      <div className="space-y-1">
        <p className="text-base text-stone-700">
          {t(`category.${n.category}`)} · {place}
        </p>
        <h1 className="text-3xl font-bold">{n.title}</h1>
        <p className="text-lg">
          {t('period', { from: day(n.publishedAt), to: day(n.periodEndsAt), days: n.periodDays, unit: n.periodUnit })}
        </p>
        <p className="text-lg font-semibold" data-testid="notice-status">
          {n.supersededBy
            ? t('status.superseded')
            : n.concludedAt
              ? n.objections.length
                ? t('status.concludedAnswered')
                : t('status.concluded')
              : n.window === 'OPEN'
                ? t('status.open')
                : t('status.closed')}
        </p>
        {n.supersededBy && (
          <p className="rounded-lg bg-amber-50 p-3 text-lg text-amber-900">
            <Link href={`/board/n/${n.supersededBy.id}`} className="underline">
              {t('correctedBy', { title: n.supersededBy.title })}
            </Link>
          </p>
        )}
        {n.supersedes && (
          <p className="text-lg">
            <Link href={`/board/n/${n.supersedes.id}`} className="underline">
              {t('corrects', { title: n.supersedes.title })}
            </Link>
          </p>
        )}
      </div>
      {n.bodyHtml ? (
        <div
          className="notice-body space-y-3 text-lg leading-relaxed"
          data-testid="notice-body"
          dangerouslySetInnerHTML={{ __html: n.bodyHtml }}
        />
      ) : (
        <p className="whitespace-pre-wrap text-lg leading-relaxed" data-testid="notice-body">
          {n.body}
        </p>
      )}
      {/* 落款: the issuing body and the date, at the foot of the text as on a paper notice. */}
      <div className="text-right text-lg" data-testid="notice-signature">
        <p>{n.place.community ? t('issuer.community', { name: n.place.community }) : t('issuer.street', { name: n.place.street ?? '' })}</p>
        <p>{day(n.publishedAt)}</p>
      </div>
      {n.attachments.length > 0 && (
        <ul className="space-y-1 text-lg">
          {n.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/notices/${n.id}/attachments/${a.id}`} className="inline-flex min-h-12 items-center underline">
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      {/* The topic's public record once its decision is public (issue 20); before, its page for those signed in. */}
      {topicLink && (
        <p className="no-print text-lg">
          <Link href={topicLink} className="inline-flex min-h-12 items-center underline">
            {t('topic')}
          </Link>
        </p>
      )}
      <div className="flex items-start gap-4">
        <div className="w-28 shrink-0" role="img" aria-label={t('qr')} dangerouslySetInnerHTML={{ __html: qr }} />
        <p className="text-base text-stone-700 break-all">
          {t('qrHint', { url })}
          <span className="block">{t('hash', { seq: n.seq ?? 0, hash: n.hash ?? '' })}</span>
        </p>
      </div>
      <div className="no-print flex flex-wrap gap-3">
        <PrintButton label={t('print')} />
        <a
          href={`/api/notices/${n.id}/pdf`}
          className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
        >
          {t('pdf')}
        </a>
      </div>
      <section aria-labelledby="objections" className="no-print space-y-3">
        <h2 id="objections" className="text-2xl font-semibold">
          {t('objections')}
        </h2>
        {n.objections.length === 0 ? (
          <p className="text-lg">{t('noObjections')}</p>
        ) : (
          <ul className="space-y-2" data-testid="objections">
            {n.objections.map((o) => (
              <li key={o.id} className="space-y-1 rounded-lg border border-stone-200 bg-white p-3 text-lg">
                <p>
                  {o.by}：{o.body}
                </p>
                {o.answer ? (
                  <p className="text-base text-stone-800">{t('answer', { by: o.answeredBy ?? '', answer: o.answer })}</p>
                ) : n.viewer.manages ? (
                  <AnswerForm objectionId={o.id} t={l} />
                ) : (
                  <p className="text-base text-stone-700">{t('awaitingAnswer')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
        {n.viewer.mayObject ? (
          <ObjectionForm noticeId={n.id} t={l} />
        ) : n.window === 'OPEN' && !n.viewer.signedIn ? (
          <p className="text-lg">
            <Link href={`/signin?next=${encodeURIComponent(`/board/n/${n.id}`)}`} className="underline">
              {t('signInToObject')}
            </Link>
          </p>
        ) : n.window === 'OPEN' ? (
          <p className="text-lg">{t('onlyResidents')}</p>
        ) : null}
        {n.viewer.manages && !n.concludedAt && !n.supersededBy && n.window === 'CLOSED' && <ConcludeForm noticeId={n.id} t={l} />}
        {n.viewer.manages && !n.supersededBy && n.place.communityCode && (
          <Link href={`/board/c/${n.place.communityCode}/new?supersedes=${n.id}`} className="inline-flex min-h-12 items-center underline">
            {t('correct')}
          </Link>
        )}
      </section>
    </article>
  );
}
