import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AnswerForm } from '@/features/surveys/components/answer-form';
import * as M from '@/features/surveys/components/manage-forms';
import { SurveyResults } from '@/features/surveys/components/results';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { toChinaLocal } from '@/server/issues/clock';
import { getSurveyView } from '@/server/surveys/read';

export const generateMetadata = titled('surveys-id');

const box = 'space-y-3 rounded-lg border border-stone-200 bg-white p-4';
const localInput = (d: Date) => {
  const l = toChinaLocal(d);
  return `${l.date}T${String(Math.floor(l.minute / 60)).padStart(2, '0')}:${String(l.minute % 60).padStart(2, '0')}`;
};

/**
 * One survey (decision 073). Residents of its place: the form (nothing preselected) while open, and the line that it is
 * not a vote, always. Managers: the draft editor, then the results as bars with their counts, export, close, publish.
 */
export default async function SurveyPage({ params }: PageProps<'/[locale]/surveys/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const by = byOf(await requireUser(`/surveys/${id}`));
  const v = await orNotFound(getSurveyView(by, Number(id)));
  const { survey: s, can } = v;
  const t = await getTranslations('surveys');
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const form = { ...(t.raw('form') as Record<string, string>) };
  const kinds = (['NEEDS', 'SATISFACTION'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }));
  const units = (['PERSON', 'HOUSEHOLD'] as const).map((u) => ({ value: u, label: t(`unit.${u}`) }));
  return (
    <div className="space-y-5 pt-2" data-testid="survey">
      <Link href="/surveys" className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
        {t('list.title')}
      </Link>
      <h1 className="text-3xl font-bold break-words">{s.title}</h1>
      <p className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-lg font-medium" data-testid="not-a-vote">
        {t('notAVote')}
      </p>
      <section className={box}>
        <ul className="space-y-1 text-lg">
          <li>
            {t(`kind.${s.kind}`)} · {t(`status.${s.status}`)}
          </li>
          <li>{t('page.place', { place: v.place })}</li>
          <li>{t('page.closesAt', { at: at(s.closesAt) })}</li>
          <li>{t(`unit.${s.unit}`)}</li>
          <li>{s.anonymous ? t('answer.anonymousNote') : t('answer.namedNote')}</li>
          {s.unit === 'HOUSEHOLD' && <li>{t('answer.householdNote')}</li>}
        </ul>
        {s.intro && <p className="text-lg whitespace-pre-line">{s.intro}</p>}
      </section>

      {v.answered && <p className="rounded-lg bg-green-50 p-3 text-lg font-semibold text-green-900">{t('answer.answered')}</p>}
      {can.answer && (
        <section className="space-y-3" data-testid="answer">
          <h2 className="text-xl font-semibold">{t('answer.title')}</h2>
          <AnswerForm surveyId={s.id} questions={v.questions} t={t.raw('answer') as Record<string, string>} />
        </section>
      )}

      {can.edit && (
        <section className={box} data-testid="draft-editor">
          <h2 className="text-xl font-semibold">{t('form.editTitle')}</h2>
          <M.SurveySettingsForm
            t={{ ...form, choose: t('form.choose') }}
            surveyId={s.id}
            kinds={kinds}
            units={units}
            values={{
              kind: s.kind,
              title: s.title,
              intro: s.intro,
              anonymous: s.anonymous ? 'YES' : 'NO',
              unit: s.unit,
              closesAt: localInput(s.closesAt),
            }}
          />
          {v.questions.length === 0 && <p className="text-lg">{t('form.noQuestionsYet')}</p>}
          <ol className="space-y-3">
            {v.questions.map((q) => (
              <li key={q.id} className="space-y-2 rounded-lg bg-stone-50 p-3">
                <p className="text-lg">
                  {q.position}. {q.prompt}（{t(`type.${q.type}`)}）
                </p>
                {q.options.length > 0 && <p className="text-base text-stone-700">{q.options.join(' / ')}</p>}
                {q.type === 'SCALE' && (
                  <p className="text-base text-stone-700">
                    {q.scaleMin} {q.minLabel} … {q.scaleMax} {q.maxLabel}
                  </p>
                )}
                <M.RemoveQuestionForm surveyId={s.id} questionId={q.id} label={t('form.remove')} />
              </li>
            ))}
          </ol>
          <h3 className="text-lg font-semibold">{t('form.addQuestion')}</h3>
          <M.AddQuestionForm
            t={{ ...form, choose: t('form.choose') }}
            surveyId={s.id}
            types={(['SINGLE', 'MULTIPLE', 'SCALE', 'TEXT'] as const).map((k) => ({ value: k, label: t(`type.${k}`) }))}
          />
        </section>
      )}
      {can.open && <M.SurveyStepForm surveyId={s.id} step="open" label={t('form.open')} />}

      {v.results && (
        <section className="space-y-3" data-testid="results">
          <h2 className="text-xl font-semibold">{t('page.results')}</h2>
          <SurveyResults results={v.results} questions={v.questions} t={t.raw('page') as Record<string, string>} />
        </section>
      )}
      {(can.export || can.close || can.publish) && (
        <section className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {can.export && (
            <a
              href={`/api/surveys/${s.id}/export`}
              download
              className="inline-flex min-h-12 items-center justify-center rounded-lg border border-brand-700 px-5 text-lg font-semibold text-brand-700"
              data-testid="export"
            >
              {t('form.export')}
            </a>
          )}
          {can.close && <M.SurveyStepForm surveyId={s.id} step="close" label={t('form.close')} />}
          {can.publish && <M.SurveyStepForm surveyId={s.id} step="publish" label={t('form.publish')} />}
        </section>
      )}
      {s.resultNoticeId && (
        <Link href={`/board/n/${s.resultNoticeId}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
          {t('page.resultsPublished')} · {t('page.notice')}
        </Link>
      )}
    </div>
  );
}
