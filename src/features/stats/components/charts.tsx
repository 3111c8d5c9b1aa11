'use client';
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type TTrendPoint = { month: string; opened: number; overdue: number; response: number | null; resolution: number | null; satisfaction: number | null };
type L = { trend: string; rates: string; opened: string; overdue: string; response: string; resolution: string; satisfaction: string };

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** A chart as a labelled image with its caption, filling its box at any width. */
function ChartFigure({ label, children }: { label: string; children: ReactElement }) {
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-2" role="img" aria-label={label}>
      <figcaption className="px-2 text-lg font-semibold">{label}</figcaption>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * The months as charts (recharts), readable at 375 px and on a laptop. The same numbers are in the
 * tables next to them, which is what screen readers use; the charts are labelled images.
 */
export function TrendCharts({ points, l }: { points: TTrendPoint[]; l: L }) {
  const data = points.map((p) => ({ ...p, response: pct(p.response), resolution: pct(p.resolution), satisfaction: pct(p.satisfaction) }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFigure label={l.trend}>
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="opened" name={l.opened} fill="#8f1d17" />
          <Bar dataKey="overdue" name={l.overdue} fill="#d97706" />
        </BarChart>
      </ChartFigure>
      <ChartFigure label={l.rates}>
        <LineChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Legend />
          <Line type="monotone" dataKey="response" name={l.response} stroke="#1d4ed8" strokeWidth={2} connectNulls />
          <Line type="monotone" dataKey="resolution" name={l.resolution} stroke="#15803d" strokeWidth={2} strokeDasharray="6 3" connectNulls />
          <Line type="monotone" dataKey="satisfaction" name={l.satisfaction} stroke="#8f1d17" strokeWidth={2} strokeDasharray="2 2" connectNulls />
        </LineChart>
      </ChartFigure>
    </div>
  );
}
