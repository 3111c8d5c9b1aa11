import { getFormatter, getTranslations } from 'next-intl/server';
import { buildInfo } from '@/server/version';

/** Which build runs, for staff reporting a problem (issue 17, item 8): version, commit and build time (China's time). */
export async function BuildLine() {
  const t = await getTranslations('admin.build');
  const format = await getFormatter();
  const { version, commit, builtAt } = buildInfo();
  const parts = [
    t('version', { version }),
    commit && t('commit', { commit }),
    builtAt
      ? t('builtAt', { time: format.dateTime(new Date(builtAt), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }) })
      : t('fromSources'),
  ];
  return (
    <p className="border-t border-stone-300 pt-3 text-base text-stone-700" data-testid="build-line">
      {t('label')}: {parts.filter(Boolean).join(' · ')}
    </p>
  );
}
