import { ScrollRegion } from '@/components/scroll-region';
import { getLocale, getTranslations } from 'next-intl/server';
import {
  change,
  figureValue,
  formatMinutes,
  formatRate,
  isMedianKey,
  isRateKey,
  rankFigures,
  sortRows,
  worstFirst,
  type TFigures,
  type TRankFigure,
} from '@/domain/stats/figures';
import { Link } from '@/i18n/link';
import type { TDashboard, TChildRow } from '@/server/stats/read-dashboard';
import type { TDrillFigure } from '@/server/stats/sql';
import type { TUnitRef } from '@/server/stats/units';
import { statsHref } from '../query';

type TQ = { unit: TUnitRef; period: TDashboard['period']; category: string | null };

/** Which list a figure drills into: a count to its issues, a rate to the issues that missed it. */
const DRILL: Partial<Record<TRankFigure, TDrillFigure>> = {
  opened: 'opened',
  open: 'open',
  overdue: 'overdue',
  escalated: 'escalated',
  takenOver: 'takenOver',
  response: 'ackLate',
  resolution: 'unresolved',
  satisfaction: 'unsatisfied',
};

async function formatter() {
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  return (k: TRankFigure, v: number | null) =>
    isRateKey(k) ? formatRate(v) : isMedianKey(k) ? formatMinutes(v, locale) : v === null ? '—' : String(v);
}

function Change({ k, cur, prev, label }: { k: TRankFigure; cur: number | null; prev: number | null; label: string }) {
  const d = change(cur, prev);
  if (d === null || d === 0 || isMedianKey(k)) return null;
  const rate = isRateKey(k);
  const better = rankFigures[k] === 'none' ? null : (rankFigures[k] === 'high') === d > 0;
  const text = rate ? `${d > 0 ? '▲' : '▼'}${Math.abs(Math.round(d * 1000) / 10)}` : `${d > 0 ? '▲' : '▼'}${Math.abs(d)}`;
  return (
    <span className={`block text-sm ${better === null ? 'text-stone-600' : better ? 'text-green-800' : 'text-red-800'}`}>
      <span className="sr-only">{label} </span>
      {text}
    </span>
  );
}

/** The headline figures of a unit, each linked to the issues behind it, with the change against the previous period. */
export async function Tiles({ d, q }: { d: TDashboard; q: TQ }) {
  const t = await getTranslations('stats');
  const fmt = await formatter();
  const keys: TRankFigure[] = [
    'opened',
    'open',
    'overdue',
    'escalated',
    'takenOver',
    'response',
    'resolution',
    'satisfaction',
    'ackMedian',
    'resolveMedian',
  ];
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" data-testid="tiles">
      {keys.map((k) => {
        const v = figureValue(d.totals, k);
        const drill = DRILL[k];
        const body = (
          <>
            <span className="block text-base text-stone-700">{t(`figure.${k}`)}</span>
            <span className="block text-2xl font-bold tabular-nums" data-testid={`tile-${k}`}>
              {fmt(k, v)}
            </span>
            <Change k={k} cur={v} prev={figureValue(d.totalsPrevious, k)} label={t('change')} />
          </>
        );
        return (
          <li key={k} className="rounded-lg border border-stone-200 bg-white">
            {drill ? (
              <Link href={statsHref('/admin/stats/issues', q, { figure: drill })} className="block min-h-20 p-3 hover:bg-brand-50">
                {body}
              </Link>
            ) : (
              <div className="min-h-20 p-3">{body}</div>
            )}
          </li>
        );
      })}
      <li className="rounded-lg border border-stone-200 bg-white">
        <Link href={statsHref('/admin/stats/issues', q, { figure: 'excluded' })} className="block min-h-20 p-3 hover:bg-brand-50">
          <span className="block text-base text-stone-700">{t('figure.excluded')}</span>
          <span className="block text-2xl font-bold tabular-nums">{d.totals.counts.excluded}</span>
        </Link>
      </li>
    </ul>
  );
}

const COLUMNS: TRankFigure[] = [
  'opened',
  'open',
  'overdue',
  'escalated',
  'response',
  'resolution',
  'satisfaction',
  'ackMedian',
  'resolveMedian',
];

/** The units below, sortable by every figure, each number a way into its list. */
export async function RankingTable({ d, q, sort, dir }: { d: TDashboard; q: TQ; sort: TRankFigure; dir: 'asc' | 'desc' }) {
  const t = await getTranslations('stats');
  const fmt = await formatter();
  const rows = sortRows(d.children, (r) => figureValue(r.current, sort), dir);
  // A new column sorts worst first; the sorted column flips.
  const sortHref = (k: TRankFigure) =>
    `${statsHref('/admin/stats', q)}&sort=${k}&dir=${k === sort ? (dir === 'desc' ? 'asc' : 'desc') : worstFirst(k)}#children`;
  const name = (r: TChildRow) => (r.id === null ? t('communityLevel') : r.name);
  const childRef = (r: TChildRow): TUnitRef => ({ level: r.level, id: r.id! });
  const cellHref = (r: TChildRow, k: TRankFigure) => {
    const drill = DRILL[k];
    if (!drill) return null;
    if (r.id === null) return statsHref('/admin/stats/issues', q, { figure: drill, compoundless: '1' });
    return r.open ? statsHref('/admin/stats/issues', { ...q, unit: childRef(r) }, { figure: drill }) : null;
  };
  return (
    <ScrollRegion label={t('section.children')} className="relative rounded-lg border border-stone-200 bg-white">
      <table className="w-full min-w-[56rem] border-collapse text-base" data-testid="ranking">
        <caption className="p-2 text-left text-base text-stone-700">
          {t('sortedBy', { figure: t(`figure.${sort}`) })} · {t('sortHint')}
        </caption>
        <thead>
          <tr className="border-b border-stone-300 bg-stone-50">
            <th scope="col" className="sticky left-0 bg-stone-50 p-2 text-left">
              {t(`level.${d.childLevel ?? 'compound'}`)}
            </th>
            {COLUMNS.map((k) => (
              <th
                key={k}
                scope="col"
                className="p-1 text-right"
                aria-sort={k === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <Link href={sortHref(k)} className="inline-flex min-h-11 items-center justify-end underline-offset-4 hover:underline">
                  {t(`figure.${k}`)}
                  {k === sort ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}
                </Link>
              </th>
            ))}
            <th scope="col" className="p-2 text-right">
              {t('activity.consultations')}
            </th>
            <th scope="col" className="p-2 text-right">
              {t('activity.openTopics')}
            </th>
            <th scope="col" className="p-2 text-right">
              {t('overdue.tasks')}
            </th>
            <th scope="col" className="p-2 text-right">
              {t('overdue.steps')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)} className="border-b border-stone-200">
              <th scope="row" className="sticky left-0 bg-white p-2 text-left font-normal">
                {r.open && r.id !== null ? (
                  <Link
                    href={statsHref('/admin/stats', { ...q, unit: childRef(r) })}
                    className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
                  >
                    {name(r)}
                  </Link>
                ) : (
                  name(r)
                )}
              </th>
              {COLUMNS.map((k) => {
                const v = figureValue(r.current, k);
                const href = cellHref(r, k);
                return (
                  <td key={k} className="p-2 text-right tabular-nums">
                    {href && v !== null ? (
                      <Link href={href} className="underline underline-offset-4">
                        {fmt(k, v)}
                      </Link>
                    ) : (
                      fmt(k, v)
                    )}
                    <Change k={k} cur={v} prev={figureValue(r.previous, k)} label={t('change')} />
                  </td>
                );
              })}
              <td className="p-2 text-right tabular-nums">{r.activity.consultations}</td>
              <td className="p-2 text-right tabular-nums">
                {r.open && r.id !== null && r.openTopics > 0 ? (
                  <Link
                    href={statsHref('/admin/stats/topics', { ...q, unit: childRef(r) }, { step: 'OPEN' })}
                    className="underline underline-offset-4"
                  >
                    {r.openTopics}
                  </Link>
                ) : (
                  r.openTopics
                )}
              </td>
              {(['tasks', 'steps'] as const).map((kind) => (
                <td key={kind} className="p-2 text-right tabular-nums" data-testid={`overdue-${kind}`}>
                  {r.overdue[kind] > 0 ? (
                    <Link
                      href={statsHref('/admin/stats/overdue', { ...q, unit: childRef(r) }, { kind })}
                      className={
                        r.open && r.id !== null
                          ? 'font-bold text-red-700 underline underline-offset-4'
                          : 'pointer-events-none font-bold text-red-700'
                      }
                    >
                      {r.overdue[kind]}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Categories and months as plain tables (the charts' numbers, for everyone). */
export async function FigureTable({
  rows,
  head,
  testId,
}: {
  rows: { key: string; label: string; f: TFigures }[];
  head: string;
  testId: string;
}) {
  const t = await getTranslations('stats');
  const fmt = await formatter();
  const cols: TRankFigure[] = ['opened', 'overdue', 'response', 'resolution', 'satisfaction', 'resolveMedian'];
  return (
    // Keyboard users can scroll a wide table: the region takes focus.
    <ScrollRegion label={head} className="relative rounded-lg border border-stone-200 bg-white">
      <table className="w-full min-w-[36rem] border-collapse text-base" data-testid={testId}>
        <thead>
          <tr className="border-b border-stone-300 bg-stone-50">
            <th scope="col" className="p-2 text-left">
              {head}
            </th>
            {cols.map((k) => (
              <th key={k} scope="col" className="p-2 text-right">
                {t(`figure.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-stone-200">
              <th scope="row" className="p-2 text-left font-normal">
                {r.label}
              </th>
              {cols.map((k) => (
                <td key={k} className="p-2 text-right tabular-nums">
                  {fmt(k, figureValue(r.f, k))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
