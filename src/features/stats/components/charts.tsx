import type { CSSProperties, ReactNode } from 'react';
import { countTicks, labelStep, linePath, xOf, yOf } from '@/domain/stats/chart';
import { formatRate } from '@/domain/stats/figures';

export type TTrendPoint = {
  month: string;
  /** The month as the axis shows it ("3月", "Mar"); `month` (2026-03) is used in the text for screen readers. */
  label: string;
  opened: number;
  overdue: number;
  response: number | null;
  resolution: number | null;
  satisfaction: number | null;
};
type L = { trend: string; rates: string; opened: string; overdue: string; response: string; resolution: string; satisfaction: string };

/** Colours of at least 4.5:1 on white; lines also differ by dash and marker, so colour is never the only cue. */
const BAR = { opened: '#8f1d17', overdue: '#b45309' } as const;
const LINE = {
  response: { color: '#1d4ed8', dash: undefined, marker: 'rounded-full' },
  resolution: { color: '#15803d', dash: '6 3', marker: '' },
  satisfaction: { color: '#7e22ce', dash: '2 2', marker: 'rotate-45' },
} as const;
type TRateKey = keyof typeof LINE;

/**
 * The months as two charts, rendered on the server as SVG (no charting runtime is sent to the phone).
 * Each is a labelled image whose numbers are also given as text to screen readers (and in the table below it).
 * Labels are HTML, so they follow the reader's text size; the plot stretches to any width.
 */
export function TrendCharts({ points, l }: { points: TTrendPoint[]; l: L }) {
  const ticks = countTicks(Math.max(0, ...points.map((p) => Math.max(p.opened, p.overdue))));
  const top = ticks.at(-1)!;
  const rateKeys = Object.keys(LINE) as TRateKey[];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFigure
        id="chart-trend"
        label={l.trend}
        legend={[
          { name: l.opened, swatch: <Box color={BAR.opened} /> },
          { name: l.overdue, swatch: <Box color={BAR.overdue} /> },
        ]}
        text={points.map((p) => `${p.month}: ${l.opened} ${p.opened}, ${l.overdue} ${p.overdue}`).join('; ')}
        ticks={ticks.map((t) => ({ at: yOf(t, top), label: String(t) }))}
        points={points}
      >
        {points.map((p, i) => (
          <g key={p.month}>
            <rect x={i * 10 + 1.5} width={3.5} y={yOf(p.opened, top)} height={100 - yOf(p.opened, top)} fill={BAR.opened}>
              <title>{`${p.month} ${l.opened} ${p.opened}`}</title>
            </rect>
            <rect x={i * 10 + 5} width={3.5} y={yOf(p.overdue, top)} height={100 - yOf(p.overdue, top)} fill={BAR.overdue}>
              <title>{`${p.month} ${l.overdue} ${p.overdue}`}</title>
            </rect>
          </g>
        ))}
      </ChartFigure>
      <ChartFigure
        id="chart-rates"
        label={l.rates}
        legend={rateKeys.map((k) => ({ name: l[k], swatch: <LineSwatch k={k} /> }))}
        text={points.map((p) => `${p.month}: ${rateKeys.map((k) => `${l[k]} ${formatRate(p[k])}`).join(', ')}`).join('; ')}
        ticks={[0, 25, 50, 75, 100].map((t) => ({ at: yOf(t, 100), label: `${t}%` }))}
        points={points}
        markers={rateKeys.flatMap((k) =>
          points.flatMap((p, i) => {
            const v = p[k];
            if (v === null) return [];
            const style: CSSProperties = {
              left: `${(xOf(i) / (points.length * 10)) * 100}%`,
              top: `${yOf(v * 100, 100)}%`,
              background: LINE[k].color,
            };
            return [
              <span
                key={`${k}${p.month}`}
                title={`${p.month} ${l[k]} ${formatRate(v)}`}
                className={`absolute -ml-[4px] -mt-[4px] size-[8px] ${LINE[k].marker}`}
                style={style}
              />,
            ];
          }),
        )}
      >
        {rateKeys.map((k) => (
          <path
            key={k}
            d={linePath(
              points.map((p) => p[k]),
              100,
            )}
            fill="none"
            stroke={LINE[k].color}
            strokeWidth={2.5}
            strokeDasharray={LINE[k].dash}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </ChartFigure>
    </div>
  );
}

type TFigureProps = {
  id: string;
  label: string;
  legend: { name: string; swatch: ReactNode }[];
  /** Every number of the chart, as a sentence for screen readers. */
  text: string;
  /** Horizontal grid lines: y in the 100-high box, and the value printed beside them. */
  ticks: { at: number; label: string }[];
  points: TTrendPoint[];
  markers?: ReactNode;
  children: ReactNode;
};

/** A chart as a labelled image: caption, legend, value axis, the plot (SVG) and the months under it. */
function ChartFigure({ id, label, legend, text, ticks, points, markers, children }: TFigureProps) {
  const n = Math.max(1, points.length);
  const step = labelStep(n);
  return (
    <figure className="@container rounded-lg border border-stone-200 bg-white p-3" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="text-lg font-semibold">
        {label}
      </figcaption>
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-base" aria-hidden="true">
        {legend.map((e) => (
          <li key={e.name} className="inline-flex items-center gap-2">
            {e.swatch}
            {e.name}
          </li>
        ))}
      </ul>
      <div
        role="img"
        aria-label={label}
        aria-describedby={`${id}-text`}
        className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-sm text-stone-700"
      >
        <div className="relative h-48 tabular-nums">
          {/* The widest label gives the axis its width; the labels themselves sit beside their grid lines. */}
          <span className="invisible block h-0 overflow-hidden">{ticks.at(-1)!.label}</span>
          {ticks.map((t) => (
            <span key={t.label} className="absolute right-0 -translate-y-1/2 leading-none" style={{ top: `${t.at}%` }}>
              {t.label}
            </span>
          ))}
        </div>
        <div className="relative h-48">
          <svg
            className="absolute inset-0 size-full overflow-visible"
            viewBox={`0 0 ${n * 10} 100`}
            preserveAspectRatio="none"
            focusable="false"
          >
            {ticks.map((t) => (
              <line
                key={t.label}
                x1={0}
                x2={n * 10}
                y1={t.at}
                y2={t.at}
                stroke="#d6d3d1"
                strokeWidth={1}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {children}
          </svg>
          {markers}
        </div>
        <div />
        <ol className="grid pt-1 text-center" style={{ gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))` }}>
          {points.map((p, i) => (
            <li key={p.month} className={`whitespace-nowrap ${i % step === 0 ? '' : 'invisible @xl:visible'}`}>
              {p.label}
            </li>
          ))}
        </ol>
      </div>
      <p id={`${id}-text`} className="sr-only">
        {text}
      </p>
    </figure>
  );
}

const Box = ({ color }: { color: string }) => <span className="inline-block size-3.5" style={{ background: color }} />;

function LineSwatch({ k }: { k: TRateKey }) {
  return (
    <svg width="28" height="10" viewBox="0 0 28 10" focusable="false">
      <line x1="0" x2="28" y1="5" y2="5" stroke={LINE[k].color} strokeWidth={2.5} strokeDasharray={LINE[k].dash} />
    </svg>
  );
}
