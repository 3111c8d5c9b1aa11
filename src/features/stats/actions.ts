'use server';
import { getLocale } from 'next-intl/server';
import { parsePeriod } from '@/domain/stats/period';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { enqueueExport } from '@/server/jobs/start-jobs';
import { requestExport } from '@/server/stats/export';
import { setExclusion } from '@/server/stats/exclusions';
import { parseUnit } from '@/server/stats/units';
import { ZExclude, ZExport, ZInclude } from './schemas';

// Leaving an issue out of the rates is the district's stats.exclude (decision 028), checked at the issue's place.
export const excludeIssueAction = command({
  who: 'stats.exclude',
  input: ZExclude,
  run: (by, { issueId, reason }) => setExclusion(by, issueId, { exclude: true, reason }),
  done: () => say('stats.exclude', 'done'),
  refresh: true,
});

export const includeIssueAction = command({
  who: 'stats.exclude',
  input: ZInclude,
  run: (by, { issueId }) => setExclusion(by, issueId, { exclude: false }),
  done: () => say('stats.exclude', 'done'),
  refresh: true,
});

/** Starts an Excel export in the background; the page then follows its progress. */
export const startExportAction = command({
  who: 'stats.read',
  input: ZExport,
  run: async (by, input) => {
    const unit = parseUnit(input.unit) ?? refuse('stats.badUnit');
    const parsed = parsePeriod({ from: input.from, to: input.to }, by.today);
    if (!parsed.ok) return refuse(parsed.code);
    const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
    return requestExport(by, input.kind, { unit, period: parsed.period, category: input.category, locale }, enqueueExport);
  },
  done: (id) => ({ ok: true, data: { id } }),
});
