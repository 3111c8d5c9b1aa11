import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { supportRequestAction, withdrawSupportAction } from '@/features/meetings/residents-actions';
import { ButtonForm } from '@/features/meetings/components/meeting-forms';
import { CallRequestForm, CloseRequestForm } from '@/features/meetings/components/request-forms';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { requestView } from '@/server/meetings/requests';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('requests-id');

/** One art. 10 request: the count against the least the law asks for; support once; staff call the meeting or close it. */
export default async function RequestPage({ params }: PageProps<'/[locale]/requests/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const user = await requireUser(`/requests/${id}`);
  const r = await orNotFound(requestView(byOf(user), Number(id)));
  const t = await getTranslations('meetings.requests');
  const l = await labels('meetings.requests');
  const format = await getFormatter();
  const open = r.status === 'OPEN';
  return (
    <div className="space-y-5 pt-2">
      <Link href={`/requests?community=${r.community.code}`} className="text-lg underline">
        {t('listTitle', { community: r.community.name })}
      </Link>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg whitespace-pre-line">{r.matter}</p>
      <p className="text-base text-stone-700">
        {t(`basis_${r.basis}`)} ·{' '}
        {t('startedOn', { date: format.dateTime(r.createdAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }) })}
      </p>
      <div className={`rounded-lg p-4 text-xl ${r.reached ? 'bg-green-100 text-green-900' : 'bg-stone-100'}`} data-testid="request-count">
        <p className="font-semibold">{t(`count_${r.basis}`, { count: r.count, least: r.least, total: r.total })}</p>
        {r.reached && open && <p>{t('reached')}</p>}
      </div>
      <p className="text-lg font-semibold">{t(`status_${r.status}`)}</p>
      {r.meeting && (
        <Link href={`/meetings/${r.meeting.id}`} className="text-lg underline">
          {t('calledMeeting', { title: r.meeting.title })}
        </Link>
      )}
      {r.closeReason && <p className="text-lg">{t('closeReasonShown', { reason: r.closeReason })}</p>}
      {open && !r.staff && (
        <div className="flex flex-wrap items-center gap-3">
          {r.mine ? (
            <>
              <p className="text-lg">{t('youSupport')}</p>
              <ButtonForm action={withdrawSupportAction} fields={{ requestId: r.id }} label={l.withdraw!} secondary />
            </>
          ) : (
            <ButtonForm action={supportRequestAction} fields={{ requestId: r.id }} label={l.support!} />
          )}
        </div>
      )}
      {open && r.staff && r.meetings.length > 0 && (
        <CallRequestForm
          requestId={r.id}
          t={l}
          meetings={r.meetings.map((m) => ({
            value: String(m.id),
            label: `${m.title} · ${format.dateTime(m.startsAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })}`,
          }))}
        />
      )}
      {open && (r.staff || r.starter) && <CloseRequestForm requestId={r.id} t={l} />}
    </div>
  );
}
