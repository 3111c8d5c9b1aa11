import { notFound } from 'next/navigation';
import { can, scopesOf } from '@/domain/authz/can';
import { ancestryOf } from '@/server/places/ancestry';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { HandlerActions, MergeSplitForms, RateForm, ReopenForm } from '@/features/issues/components/issue-actions';
import { AnswerForm, HandOffForms } from '@/features/issues/components/handoff-forms';
import { consultationResult } from '@/domain/issues/consultation';
import { formatYuan } from '@/domain/shared/money';
import { CalendarWarning } from '@/components/calendar-warning';
import { calendarWarning } from '@/features/shared/calendar-warning';
import { Link } from '@/i18n/link';
import { byOf, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { getIssueForViewer } from '@/server/issues/read-issues';
import { ExclusionForm } from '@/features/stats/components/exclusion-form';
import { exclusionView } from '@/server/stats/exclusions';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('issues-id');

export default async function IssuePage({ params }: PageProps<'/[locale]/issues/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(`/issues/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const issue = await getIssueForViewer(byOf(user), Number(id));
  // Someone else's issue looks like one that does not exist.
  if (!issue) notFound();
  const t = await getTranslations('issues');
  const by = byOf(user);
  const mayRaiseTopic = scopesOf(by.actor, 'topic.raise', by.today).length > 0;
  const [level, placeId] = issue.placeRef.split(':') as ['compound' | 'community', string];
  const ancestry = await ancestryOf({ level, id: Number(placeId) });
  // 转为调解 (issue 21): for those who receive mediation cases at the issue's place; never an anonymous issue (decision 062).
  const mayMediate = !!ancestry && can(by.actor, 'mediation.manage', { ancestry }, by.today) && !issue.anonymous && !issue.topicId;
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const l = await labels('issues.detail');
  const exclusion = issue.viewer.isStaff && !issue.mergedIntoId ? await exclusionView(by, issue.id) : null;
  const open = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'].includes(issue.state);
  const warning = await calendarWarning(issue.dueUncovered.years, issue.dueUncovered.districtId);
  const place = [issue.place.community, issue.place.compound, issue.place.building].filter(Boolean).join(' · ');
  // Each CONSULT step of the timeline with its consultation (both in the order they were opened): its count and result.
  const consultationOf = new Map(issue.events.filter((e) => e.type === 'CONSULT').map((e, i) => [e.id, issue.consultations[i]]));
  const tally = (c: (typeof issue.consultations)[number]) =>
    t('detail.consultCount', {
      owners: c.owners,
      answered: c.answered,
      agree: c.counts.AGREE,
      disagree: c.counts.DISAGREE,
      noView: c.counts.NO_VIEW,
    }) + (c.open ? '' : ` · ${t(`detail.consultResult_${consultationResult(c.counts)}`)}`);
  return (
    <div className="space-y-5 pt-2">
      <div className="space-y-1">
        <p className="text-base text-stone-700">
          #{issue.id} · {locale === 'en' ? issue.category.nameEn : issue.category.nameZh}
        </p>
        <h1 className="text-3xl font-bold">{issue.title}</h1>
        <p className="inline-block rounded bg-brand-100 px-2 py-1 text-lg font-semibold text-brand-800" data-testid="issue-state">
          {t(`state.${issue.state}`)}
        </p>
      </div>
      {issue.mergedIntoId && (
        <p className="rounded-lg bg-amber-50 p-3 text-lg text-amber-900">
          <Link href={`/issues/${issue.mergedIntoId}`} className="underline">
            {t('detail.mergedInto', { id: issue.mergedIntoId })}
          </Link>
        </p>
      )}
      {issue.topicId && (
        <p className="rounded-lg bg-brand-50 p-3 text-lg text-brand-800" data-testid="taken-up">
          <Link href={`/topics/${issue.topicId}`} className="underline">
            {t('detail.takenUp', { id: issue.topicId })}
          </Link>
        </p>
      )}
      {issue.unverified && issue.viewer.isStaff && (
        <p className="rounded-lg bg-amber-50 p-3 text-lg text-amber-900" data-testid="unverified">
          {t('detail.unverified')}
        </p>
      )}
      <p className="whitespace-pre-wrap text-lg leading-relaxed">{issue.description}</p>
      {issue.photos.length > 0 && (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="photos">
          {issue.photos.map((p, i) => (
            <li key={p.id}>
              {/* eslint-disable-next-line @next/next/no-img-element -- served by an authorized route, not a static asset */}
              <img
                src={`/api/issues/${issue.id}/photos/${p.id}`}
                width={p.width}
                height={p.height}
                alt={t('detail.photo', { n: i + 1 })}
                className="h-auto w-full rounded-lg border border-stone-200"
                loading="lazy"
              />
            </li>
          ))}
        </ul>
      )}
      <ul className="space-y-1 text-base text-stone-800">
        <li>{t('detail.where', { place })}</li>
        {issue.author && (
          <li>
            {t('detail.reporter', { name: issue.author.phone ? `${issue.author.name}（${issue.author.phone}）` : issue.author.name })}
          </li>
        )}
        {issue.channel === 'CONTACT' ? (
          <li data-testid="recorded-by">{t('detail.channel_CONTACT', { name: issue.recordedBy ?? '' })}</li>
        ) : (
          issue.channel !== 'APP' && <li>{t(`detail.channel_${issue.channel}`)}</li>
        )}
        {issue.mediaUrl && (
          <li>
            <a href={issue.mediaUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all underline">
              {t('intake.media')}
            </a>
          </li>
        )}
        <li>{t('detail.level', { level: t(`level.${issue.level}`) })}</li>
        {open && <li>{t('detail.acknowledgeBy', { time: time(issue.acknowledgeBy) })}</li>}
        {open && <li>{t('detail.resolveBy', { time: time(issue.resolveBy) })}</li>}
        {open && warning && (
          <li>
            <CalendarWarning warning={warning} />
          </li>
        )}
        {issue.handlers.length > 0 && (
          <li data-testid="handlers">
            {t('detail.handlers', {
              names: issue.handlers.map((h) => `${h.name}（${h.lead ? t('detail.lead') : t('detail.coHandler')}）`).join('、'),
            })}
          </li>
        )}
        {issue.estimateFen !== null && <li>{t('detail.estimate', { amount: formatYuan(issue.estimateFen) })}</li>}
        {issue.rating && (
          <li>
            {t('detail.yourRating', { rating: t(`rating.${issue.rating}`) })}
            {issue.ratingComment ? `：${issue.ratingComment}` : ''}
          </li>
        )}
      </ul>
      <section aria-labelledby="timeline" className="space-y-2">
        <h2 id="timeline" className="text-2xl font-semibold">
          {t('detail.timeline')}
        </h2>
        <ol className="space-y-2 border-l-4 border-brand-100 pl-4" data-testid="timeline">
          {issue.events.map((e) => (
            <li key={e.id} className="text-lg">
              <span className="font-semibold">
                {e.type === 'ESCALATE'
                  ? t('event.ESCALATE', { level: t(`level.${e.level ?? 'COMMUNITY'}`) })
                  : ['MERGED', 'MERGED_INTO', 'SPLIT', 'SPLIT_FROM'].includes(e.type)
                    ? t(`event.${e.type}` as 'event.MERGED', { ids: e.message ?? '' })
                    : t(`event.${e.type}` as 'event.SUBMITTED')}
              </span>
              {' · '}
              {e.actor}
              {' · '}
              <time className="text-base text-stone-700">{time(e.at)}</time>
              {e.message && !['MERGED', 'MERGED_INTO', 'SPLIT', 'SPLIT_FROM'].includes(e.type) && (
                <span className="block text-base text-stone-800">
                  {/* The escalation pass records which deadline was missed as a word of code: say it. */}
                  {e.type === 'ESCALATE' && t.has(`missed.${e.message}`) ? t(`missed.${e.message}` as 'missed.acknowledge') : e.message}
                </span>
              )}
              {consultationOf.get(e.id) && <span className="block text-base text-stone-800">{tally(consultationOf.get(e.id)!)}</span>}
              {e.amountFen !== null && (
                <span className="block text-base text-stone-800">{t('detail.estimateLine', { amount: formatYuan(e.amountFen) })}</span>
              )}
            </li>
          ))}
        </ol>
      </section>
      {issue.consultations.map((c) => (
        <section key={c.id} className="space-y-2 rounded-lg bg-brand-50 p-3" data-testid="consultation">
          <h2 className="text-xl font-semibold">{t('detail.consultation')}</h2>
          <p className="text-lg">{c.question}</p>
          <p className="text-base text-stone-700">{t('detail.consultAdvisory')}</p>
          <p className="text-lg" data-testid="consultation-count">
            {tally(c)}
          </p>
          <p className="text-base">
            {c.open ? t('detail.consultCloses', { time: time(c.closesAt) }) : t('detail.consultClosed', { time: time(c.closesAt) })}
          </p>
          {c.myAnswer && <p className="text-lg">{t('detail.yourAnswer', { answer: t(`detail.answer_${c.myAnswer}`) })}</p>}
          {c.canAnswer && <AnswerForm consultationId={c.id} t={l} />}
        </section>
      ))}
      {issue.viewer.mayAct && open && !issue.mergedIntoId && (
        <section aria-labelledby="handle" className="space-y-2">
          <h2 id="handle" className="text-2xl font-semibold">
            {t('detail.actions')}
          </h2>
          <HandlerActions issueId={issue.id} state={issue.state} canTakeOver={!issue.viewer.isAssignee} t={l} />
          <HandOffForms
            issueId={issue.id}
            choices={issue.handlerChoices}
            coHandlers={issue.handlers.filter((h) => !h.lead)}
            consult={issue.place.building !== null}
            t={l}
          />
          {issue.viewer.mayMerge && <MergeSplitForms issueId={issue.id} t={l} />}
          {mayRaiseTopic && !issue.topicId && (
            <Link
              href={`/topics/new?issues=${issue.id}&place=${issue.placeRef}`}
              className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
            >
              {t('detail.toTopic')}
            </Link>
          )}
        </section>
      )}
      {mayMediate && open && !issue.mergedIntoId && (
        <Link
          href={`/mediation/new?issue=${issue.id}`}
          className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
          data-testid="to-mediation"
        >
          {(await getTranslations('mediation'))('page.toMediation')}
        </Link>
      )}
      {exclusion && (
        <ExclusionForm
          issueId={issue.id}
          excluded={exclusion.excluded}
          reason={exclusion.reason}
          t={(await labels('stats.exclude')) as Parameters<typeof ExclusionForm>[0]['t']}
        />
      )}
      {issue.viewer.isReporter && issue.state === 'RESOLVED' && (
        <RateForm
          issueId={issue.id}
          t={l}
          ratings={(['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const).map((r) => ({ value: r, label: t(`rating.${r}`) }))}
        />
      )}
      {issue.viewer.isReporter && issue.state === 'CLOSED' && issue.rating === 'UNSATISFIED' && issue.reopenCount === 0 && (
        <ReopenForm issueId={issue.id} t={l} />
      )}
    </div>
  );
}
