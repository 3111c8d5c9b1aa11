import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { formatYuan } from '@/domain/shared/money';
import { Link } from '@/i18n/link';
import { financeOf } from '@/server/notices/read-board';
import { thisYear } from '@/server/today';
import { topicHref } from '@/server/topics/public-record';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('board-c-code-finance');

/** A community's finance page for a year, public: every project's budget, funding, bids, expenses and budget vs actual. */
export default async function FinancePage({ params, searchParams }: PageProps<'/[locale]/board/c/[code]/finance'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const y = (await searchParams).year;
  const year = typeof y === 'string' && /^20\d\d$/.test(y) ? Number(y) : thisYear();
  const f = await financeOf(code, year);
  if (!f) notFound();
  // A public page: 查看议事经过 opens the topic's public record (the signed-in topic page is not for every reader).
  const records = new Map(await Promise.all(f.projects.map(async (p) => [p.id, await topicHref(p.id, false)] as const)));
  const t = await getTranslations('board.financePage');
  const format = await getFormatter();
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title', { community: f.community.name, year })}</h1>
      <nav className="flex gap-3 text-lg" aria-label={t('years')}>
        {[year - 1, year + 1].map((y2) => (
          <Link key={y2} href={`/board/c/${code}/finance?year=${y2}`} className="inline-flex min-h-12 items-center underline">
            {y2}
          </Link>
        ))}
      </nav>
      {f.projects.length === 0 ? (
        <p className="text-lg">{t('empty')}</p>
      ) : (
        f.projects.map((p) => {
          const diff = p.actualFen === null ? null : p.budgetFen - p.actualFen;
          return (
            <section
              key={p.id}
              aria-labelledby={`p-${p.id}`}
              className="space-y-2 rounded-lg border border-stone-200 bg-white p-3"
              data-testid="project"
            >
              <h2 id={`p-${p.id}`} className="text-2xl font-semibold">
                {p.title}
                {p.compound ? ` · ${p.compound}` : ''}
              </h2>
              <table className="w-full text-left text-lg">
                <tbody>
                  <tr>
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {t('budget')}
                    </th>
                    <td>{formatYuan(p.budgetFen)}</td>
                  </tr>
                  {p.budgetLines.map((l) => (
                    <tr key={l.item}>
                      <th scope="row" className="py-1 pl-4 pr-3 font-normal">
                        {l.item}
                      </th>
                      <td>{formatYuan(l.amountFen)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {t('actual')}
                    </th>
                    <td>{p.actualFen === null ? t('notYet') : formatYuan(p.actualFen)}</td>
                  </tr>
                  {diff !== null && (
                    <tr>
                      <th scope="row" className="py-1 pr-3 font-medium">
                        {diff >= 0 ? t('saved') : t('overrun')}
                      </th>
                      <td data-testid="saving">{formatYuan(Math.abs(diff))}</td>
                    </tr>
                  )}
                </tbody>
              </table>
              {p.funding.length > 0 && (
                <p className="text-lg">
                  {t('funding', { list: p.funding.map((s) => `${s.source} ${formatYuan(s.amountFen)}`).join('；') })}
                </p>
              )}
              {p.bids.length > 0 && (
                <>
                  <h3 className="text-xl font-semibold">{t('bids')}</h3>
                  <ul className="text-lg" data-testid="bids">
                    {p.bids.map((b) => (
                      <li key={b.id}>
                        {b.contractor} · {formatYuan(b.amountFen)}
                        {b.chosen ? ` · ${t('chosen')}` : ''}
                        {b.note ? ` · ${b.note}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {p.expenses.length > 0 && (
                <>
                  <h3 className="text-xl font-semibold">{t('expenses')}</h3>
                  <ul className="text-lg">
                    {p.expenses.map((e) => (
                      <li key={e.id}>
                        {format.dateTime(e.paidOn, { dateStyle: 'medium', timeZone: 'UTC' })} · {e.item} · {formatYuan(e.amountFen)}
                        {e.receipt && (
                          <>
                            {' '}
                            ·{' '}
                            <a href={`/api/expenses/${e.id}/receipt`} className="underline">
                              {t('receipt')}
                            </a>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {records.get(p.id) && (
                <p className="text-base">
                  <Link href={records.get(p.id)!} className="inline-flex min-h-12 items-center underline">
                    {t('topic')}
                  </Link>
                </p>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}
