import { publicUrl } from '@/env';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { closeAction, markAction, publishMinutesAction, rsvpAction, signInOnlineAction } from '@/features/meetings/actions';
import {
  AgendaForm,
  AgendaRecordForm,
  AttendancePanel,
  ButtonForm,
  MinutesForm,
  VisitForm,
} from '@/features/meetings/components/meeting-forms';
import { HostsPanel, SignoffSection } from '@/features/meetings/components/hosts-panel';
import { ResidentsMeetingLines } from '@/features/meetings/components/residents-panel';
import { ApprovalBox } from '@/features/meetings/components/approval-box';
import { OpenSection } from '@/features/meetings/components/open-section';
import { PrintButton } from '@/features/notices/components/notice-forms';
import { byOf } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { getSessionUser } from '@/server/auth/session';
import { districtCategories } from '@/server/issues/district-settings';
import { organiserChoices } from '@/server/meetings/organiser-choices';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { noticeQrSvg } from '@/server/notices/print';
import { sharedPageMetadata } from '@/features/shared/share-metadata';

export async function generateMetadata({ params }: PageProps<'/[locale]/meetings/[id]'>) {
  return sharedPageMetadata('meetings-id', 'meeting', (await params).id);
}

/** A meeting: what, when, where; for organisers the live 应到/实到 panel, the sign-in QR code, attendance, agenda, minutes, visits. */
export default async function MeetingPage({ params, searchParams }: PageProps<'/[locale]/meetings/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const user = await getSessionUser();
  const m = await getMeetingView(user ? byOf(user) : null, Number(id));
  if (!m) notFound();
  const t = await getTranslations('meetings');
  const l = await labels('meetings.form');
  const format = await getFormatter();
  const when = `${format.dateTime(m.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Shanghai' })} – ${format.dateTime(m.endsAt, { timeStyle: 'short', timeZone: 'Asia/Shanghai' })}`;
  // The sign-in QR code carries the site's own address, never the request's Host.
  const signInUrl =
    m.staff && m.approval?.approval !== 'PROPOSED' && m.approval?.approval !== 'RETURNED'
      ? publicUrl(`/meetings/${m.id}/sign-in?t=${m.staff.signInToken}`)
      : null;
  const community = await organiserChoices(m, user ? byOf(user) : null);
  const topics = community?.topics ?? [];
  return (
    <div className="space-y-5 pt-2">
      <div className="space-y-1">
        <p className="text-base text-stone-700">
          {m.kindLabel ? m.kindLabel[locale === 'en' ? 'en' : 'zh'] : t(`kind.${m.kind}`)} ·{' '}
          <Link href={`/places/c/${m.place.communityCode}/meetings`} className="underline">
            {m.place.community}
          </Link>
          {m.place.compound ? ` · ${m.place.compound}` : ''}
        </p>
        <h1 className="text-3xl font-bold">{m.title}</h1>
        <p className="text-lg">{when}</p>
        <p className="text-lg">{t('where', { location: m.location, mode: m.mode })}</p>
        {m.onlineUrl && (
          <p className="text-lg break-all" data-testid="online-link">
            {t('onlineLink')}{' '}
            <a href={m.onlineUrl} className="underline" rel="noopener noreferrer">
              {m.onlineUrl}
            </a>
          </p>
        )}
        {m.body && <p className="text-lg">{t('heldBy', { body: m.body })}</p>}
        {m.status !== 'SCHEDULED' && <p className="text-lg font-semibold">{t(`status.${m.status}`)}</p>}
      </div>
      {m.viewer.invited && !m.viewer.organiser && (
        <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-lg">
          <p>{m.viewer.attended ? t('you.attended') : m.viewer.rsvp ? t(`you.rsvp_${m.viewer.rsvp}`) : t('you.invited')}</p>
          {m.status === 'SCHEDULED' && !m.viewer.attended && (
            <div className="flex flex-wrap gap-3">
              <ButtonForm action={rsvpAction} fields={{ meetingId: m.id, answer: 'YES' }} label={l.rsvpYes!} />
              <ButtonForm action={rsvpAction} fields={{ meetingId: m.id, answer: 'NO' }} label={l.rsvpNo!} secondary />
              {m.mode !== 'IN_PERSON' && <ButtonForm action={signInOnlineAction} fields={{ meetingId: m.id }} label={l.signInOnline!} />}
            </div>
          )}
        </div>
      )}
      <ResidentsMeetingLines meetingId={m.id} by={user ? byOf(user) : null} />
      <ApprovalBox m={m} />
      {m.panel && (m.panel.expected > 0 || m.open) && <AttendancePanel meetingId={m.id} initial={m.panel} t={l} />}
      <HostsPanel meetingId={m.id} visible={!!m.panel} />
      {m.staff && signInUrl && (
        <section aria-labelledby="signin" className="space-y-2">
          <h2 id="signin" className="text-2xl font-semibold">
            {t('signIn.title')}
          </h2>
          {/* At large text the QR code and the address stack; the address breaks anywhere (it has no spaces). */}
          <div className="flex flex-wrap items-start gap-4">
            <div
              className="w-40 max-w-full shrink-0"
              role="img"
              aria-label={t('signIn.qr')}
              dangerouslySetInnerHTML={{ __html: await noticeQrSvg(signInUrl) }}
            />
            <p className="min-w-0 flex-1 basis-48 text-base text-stone-700 [overflow-wrap:anywhere]">
              {t('signIn.hint')}
              <a href={signInUrl} className="block underline" data-testid="sign-in-link">
                {signInUrl}
              </a>
            </p>
          </div>
          {/* On paper the sheet gains a signature column: those who did not sign in by phone sign here. */}
          <p className="hidden justify-between px-3 text-lg font-semibold print:flex">
            <span>{t('sheet.name')}</span>
            <span className="w-56">{t('sheet.signature')}</span>
          </p>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="sign-in-sheet">
            {m.staff.invitees.map((i) => (
              <li key={i.personId} className="flex min-h-14 items-center justify-between gap-2 px-3 text-lg">
                <span>
                  {i.name}
                  {i.member ? '' : `（${t('guest')}）`}
                  {i.rsvp ? ` · ${t(`rsvp.${i.rsvp}` as 'rsvp.YES')}` : ''}
                </span>
                <span className="hidden h-10 w-56 border-b border-stone-700 print:inline-block" aria-hidden="true" />
                {i.present ? (
                  <span className="font-semibold text-green-800">{i.online ? t('presentOnline') : t('present')}</span>
                ) : (
                  m.status === 'SCHEDULED' && (
                    <span className="flex flex-wrap justify-end gap-2">
                      <ButtonForm action={markAction} fields={{ meetingId: m.id, personId: i.personId }} label={l.mark!} secondary />
                      {m.mode !== 'IN_PERSON' && (
                        <ButtonForm
                          action={markAction}
                          fields={{ meetingId: m.id, personId: i.personId, online: '1' }}
                          label={l.markOnline!}
                          secondary
                        />
                      )}
                    </span>
                  )
                )}
              </li>
            ))}
          </ul>
          <div className="no-print flex flex-wrap gap-3">
            <PrintButton label={t('print')} />
            {m.status === 'SCHEDULED' && <ButtonForm action={closeAction} fields={{ meetingId: m.id }} label={l.close!} secondary />}
          </div>
        </section>
      )}
      <OpenSection m={m} by={user ? byOf(user) : null} building={(await searchParams).building} />
      <section aria-labelledby="agenda" className="space-y-2">
        <h2 id="agenda" className="text-2xl font-semibold">
          {t('agenda')}
        </h2>
        {m.agenda.length === 0 ? (
          <p className="text-lg">{t('noAgenda')}</p>
        ) : (
          <ol className="space-y-2">
            {m.agenda.map((a, i) => (
              <li key={a.id} className="space-y-1 rounded-lg border border-stone-200 bg-white p-3 text-lg">
                <p className="font-medium">
                  {i + 1}.{' '}
                  {a.topicId ? (
                    <Link href={`/topics/${a.topicId}`} className="underline">
                      {a.title}
                    </Link>
                  ) : (
                    a.title
                  )}
                </p>
                {a.outcome && (
                  <p className="text-base">
                    {t('outcome', { outcome: a.outcome })}
                    {a.discussion ? `（${a.discussion}）` : ''}
                  </p>
                )}
                {m.staff && m.minutes?.status !== 'APPROVED' && <AgendaRecordForm itemId={a.id} t={l} />}
              </li>
            ))}
          </ol>
        )}
        {m.staff && <AgendaForm meetingId={m.id} topics={topics.map((x) => ({ value: String(x.id), label: x.title }))} t={l} />}
      </section>
      {m.kind === 'RECEPTION_DAY' && m.staff && community && (
        <section aria-labelledby="visits" className="space-y-2">
          <h2 id="visits" className="text-2xl font-semibold">
            {t('visits')}
          </h2>
          <ul className="space-y-1 text-lg" data-testid="visits">
            {m.staff.visits.map((v) => (
              <li key={v.id}>
                {v.visitorName}：{v.matter}
                {v.issueId ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link href={`/issues/${v.issueId}`} className="underline">
                      {t('issue', { id: v.issueId })}
                    </Link>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
          <VisitForm
            meetingId={m.id}
            t={l}
            categories={(await districtCategories(community.districtId)).map((c) => ({
              value: String(c.id),
              label: locale === 'en' ? c.nameEn : c.nameZh,
            }))}
            compounds={community.compounds.map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </section>
      )}
      {(m.minutes || m.staff) && (
        <section aria-labelledby="minutes" className="space-y-2">
          <h2 id="minutes" className="text-2xl font-semibold">
            {t('minutes')}
            {m.minutes ? ` · ${t(`minutesStatus.${m.minutes.status}`)}` : ''}
          </h2>
          {m.minutes && (m.minutes.status === 'APPROVED' || !m.staff) && (
            <p className="whitespace-pre-wrap text-lg" data-testid="minutes">
              {m.minutes.body}
            </p>
          )}
          <SignoffSection meetingId={m.id} by={user ? byOf(user) : null} visible={!!m.minutes && m.minutes.status !== 'DRAFT'} />
          {m.staff && m.minutes?.status !== 'APPROVED' && (
            <MinutesForm meetingId={m.id} body={m.minutes?.body ?? ''} status={m.minutes?.status ?? null} t={l} />
          )}
          {m.staff && m.minutes?.status === 'APPROVED' && !m.minutes.noticeId && (
            <ButtonForm action={publishMinutesAction} fields={{ meetingId: m.id }} label={l.publishMinutes!} />
          )}
          {m.minutes?.noticeId && (
            <Link href={`/board/n/${m.minutes.noticeId}`} className="inline-flex min-h-12 items-center underline">
              {t('minutesOnBoard')}
            </Link>
          )}
        </section>
      )}
    </div>
  );
}
