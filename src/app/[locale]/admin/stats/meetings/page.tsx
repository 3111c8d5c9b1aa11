import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DrillFrame } from '@/features/stats/components/drill-frame';
import { dashboardQuery } from '@/features/stats/query';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { listMeetingsBehind } from '@/server/stats/drill';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-stats-meetings');

/** The meetings behind the dashboard's activity figures (held, or consultations only), each to its page. */
export default async function StatsMeetingsPage({ params, searchParams }: PageProps<'/[locale]/admin/stats/meetings'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/stats', 'stats.read');
  const sp = await searchParams;
  const q = dashboardQuery(by, sp);
  const consultationsOnly = sp.kind === 'consultations';
  const list = await orNotFound(listMeetingsBehind(by, { ...q, consultationsOnly }));
  const t = await getTranslations('stats');
  const tm = await getTranslations('meetings');
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const heads = [t('drill.id'), t('drill.meeting'), t('drill.place'), t('drill.held'), t('activity.attendance')];
  return (
    <DrillFrame
      q={q}
      figure={t(consultationsOnly ? 'activity.consultations' : 'activity.meetingsHeld')}
      unitName={list.unit.level === 'city' ? t('cityRanking') : list.unit.name}
      total={list.total}
      heads={heads}
      testId="drill-meetings"
    >
      {list.rows.map((r) => (
        <tr key={r.id} className="border-b border-stone-200">
          <td className="p-2 tabular-nums">#{r.id}</td>
          <td className="p-2">
            <Link href={`/meetings/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
              {r.title}
            </Link>
            <span className="block text-sm text-stone-700">{tm(`kind.${r.kind}` as 'kind.CONSULTATION')}</span>
          </td>
          <td className="p-2">{[r.communityName, r.compoundName].filter(Boolean).join(' · ')}</td>
          <td className="p-2 tabular-nums">{time(r.startsAt)}</td>
          <td className="p-2 tabular-nums">{r.attendance}</td>
        </tr>
      ))}
    </DrillFrame>
  );
}
