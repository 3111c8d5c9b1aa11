import 'server-only';
import { notFound } from 'next/navigation';
import { scopesOf } from '@/domain/authz/can';
import { parsePeriod, presetPeriod, type TPeriod } from '@/domain/stats/period';
import type { TBy } from '@/server/accounts/by';
import { drillFigures, type TDrillFigure } from '@/server/stats/sql';
import { parseUnit, type TUnitRef } from '@/server/stats/units';

type TSearch = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A dashboard's query from its address: unit (default: the widest place where the user reads
 * dashboards), period (default this year), category. A malformed period is reported, not guessed.
 */
export function dashboardQuery(
  by: TBy,
  sp: TSearch,
): { unit: TUnitRef; period: TPeriod; category: string | null; periodError: string | null } {
  const order = ['district', 'street', 'community', 'compound'];
  const mine = scopesOf(by.actor, 'stats.read', by.today)
    .filter((p) => order.includes(p.level))
    .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  const unit = parseUnit(one(sp.unit)) ?? (mine[0] ? { level: mine[0].level as TUnitRef['level'], id: mine[0].id } : null);
  if (!unit) notFound();
  // The city ranking is monthly (as 12345 rankings are): by default the last whole month; elsewhere this year.
  const fallback = presetPeriod(unit.level === 'city' ? 'lastMonth' : 'thisYear', by.today);
  const given = one(sp.from) || one(sp.to) || one(sp.preset);
  const parsed = given
    ? parsePeriod({ from: one(sp.from), to: one(sp.to), preset: one(sp.preset) }, by.today)
    : ({ ok: true, period: fallback } as const);
  const period = parsed.ok ? parsed.period : fallback;
  const category = one(sp.category)?.slice(0, 40) || null;
  return { unit, period, category, periodError: parsed.ok ? null : parsed.code };
}

export function drillFigure(sp: TSearch): TDrillFigure | null {
  const f = one(sp.figure);
  return f && (drillFigures as readonly string[]).includes(f) ? (f as TDrillFigure) : null;
}

/** The address of a dashboard view or of the list behind a figure, keeping the filters. */
export function statsHref(
  path: '/admin/stats' | '/admin/stats/issues' | '/admin/stats/topics' | '/admin/stats/meetings' | '/admin/stats/overdue',
  q: { unit: TUnitRef; period: TPeriod; category: string | null },
  extra: Record<string, string> = {},
) {
  const p = new URLSearchParams({
    unit: `${q.unit.level}:${q.unit.id}`,
    from: q.period.from,
    to: q.period.to,
    ...(q.category ? { category: q.category } : {}),
    ...extra,
  });
  return `${path}?${p.toString()}`;
}
