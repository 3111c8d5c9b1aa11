import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import type { TScope } from '@/server/stats/aggregate';
import { listOverdue, type TOverdueRow } from '@/server/stats/overdue';

const COLUMN = { district: 'districtId', street: 'streetId', community: 'communityId', compound: 'compoundId' } as const;
const byDue = (a: TOverdueRow, b: TOverdueRow) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id;

/**
 * The desk's 督办 list (decision 049): the overdue tasks and steps of the places where one runs topics, most overdue
 * first. A community's secretary (and a compound's branch) sees every late one of their places; a street or a
 * district sees those escalated to the street, which are theirs to chase.
 */
export async function overdueOnDesk(by: TBy): Promise<{ tasks: TOverdueRow[]; steps: TOverdueRow[] }> {
  const places = scopesOf(by.actor, 'topic.manage', by.today);
  const scopes: { scope: TScope; streetOnly: boolean }[] = [];
  for (const level of ['district', 'street', 'community', 'compound'] as const) {
    const ids = [...new Set(places.filter((p) => p.level === level).map((p) => p.id))];
    if (ids.length) scopes.push({ scope: { column: COLUMN[level], ids }, streetOnly: level === 'district' || level === 'street' });
  }
  const out = { tasks: new Map<number, TOverdueRow>(), steps: new Map<number, TOverdueRow>() };
  for (const { scope, streetOnly } of scopes)
    for (const kind of ['tasks', 'steps'] as const)
      for (const r of (await listOverdue(scope, kind, streetOnly)).rows) out[kind].set(r.id, r);
  return { tasks: [...out.tasks.values()].sort(byDue), steps: [...out.steps.values()].sort(byDue) };
}
