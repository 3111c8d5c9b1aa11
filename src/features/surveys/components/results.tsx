import type { TSurveyResults } from '@/domain/surveys/tally';
import type { TFormQuestion } from './answer-form';

type TWords = Record<string, string>;
const fill = (s: string, values: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** One bar: the label, the bar drawn in CSS (hidden from screen readers: the table below says the same), the count beside it. */
function Bar({ label, count, percent }: { label: string; count: number; percent: string }) {
  return (
    <li className="space-y-1">
      <div className="flex flex-wrap justify-between gap-x-3 text-lg">
        <span>{label}</span>
        <span className="font-semibold" data-testid="bar-count">
          {count}（{percent}%）
        </span>
      </div>
      <div className="h-4 w-full rounded bg-stone-200" aria-hidden="true">
        <div className="h-4 rounded bg-brand-700" style={{ width: `${Math.min(100, Number(percent))}%` }} />
      </div>
    </li>
  );
}

/**
 * A survey's results (decision 073): per question, bars with the counts written next to them and the same figures in a
 * table (for screen readers and print); a scale's mean; the written answers listed.
 */
export function SurveyResults({ results, questions, t }: { results: TSurveyResults; questions: TFormQuestion[]; t: TWords }) {
  return (
    <div className="space-y-4" data-testid="survey-results">
      <p className="text-lg font-semibold">{fill(t.responses!, { count: results.responses })}</p>
      {results.questions.map((r, i) => {
        const q = questions[i]!;
        const rows =
          r.type === 'SINGLE' || r.type === 'MULTIPLE'
            ? r.options.map((o, j) => ({ label: q.options[j]!, ...o }))
            : r.type === 'SCALE'
              ? r.points.map((p) => ({ label: String(p.point), count: p.count, percent: p.percent }))
              : [];
        return (
          <section key={r.questionId} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="question-result">
            <h3 className="text-lg font-semibold">
              {q.position}. {q.prompt}
            </h3>
            <p className="text-base text-stone-700">{fill(t.answeredN!, { count: r.answered })}</p>
            {rows.length > 0 && (
              <>
                <ul className="space-y-2">
                  {rows.map((row) => (
                    <Bar key={row.label} {...row} />
                  ))}
                </ul>
                {r.type === 'SCALE' && r.mean && <p className="text-lg">{fill(t.mean!, { mean: r.mean })}</p>}
                <table className="sr-only">
                  <caption>{fill(t.tableCaption!, { no: q.position })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.option}</th>
                      <th scope="col">{t.number}</th>
                      <th scope="col">{t.percent}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.label}>
                        <th scope="row">{row.label}</th>
                        <td>{row.count}</td>
                        <td>{row.percent}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {r.type === 'TEXT' &&
              (r.texts.length ? (
                <ul className="list-disc space-y-1 pl-6 text-lg">
                  {r.texts.map((text, j) => (
                    <li key={j} className="break-words">
                      {text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-base">{t.noTexts}</p>
              ))}
          </section>
        );
      })}
    </div>
  );
}
