import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { MarkReadButton } from '@/features/issues/components/mark-read';
import { requireUser } from '@/features/shared/guards';
import { inboxView } from '@/server/notifications/inbox';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('inbox');

/** The inbox: one entry per topic, issue or linked thing, with its count and latest, expandable (decision 057). */
export default async function InboxPage({ params }: PageProps<'/[locale]/inbox'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/inbox');
  const t = await getTranslations('issues.inbox');
  const format = await getFormatter();
  const { groups, unread } = await inboxView(user.id);
  const kindOf = (kind: string) => {
    const key = `kind.${kind.replace('.', '_')}` as 'kind.issue_assigned';
    return t.has(key) ? t(key) : kind;
  };
  // Opening goes through /api/inbox/…, which marks the entry's group read and then goes where it leads.
  const open = (id: number) => `/api/inbox/${id}${locale === 'zh-CN' ? '' : `?l=${locale}`}`;
  const when = (at: Date) => format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {unread > 0 && <MarkReadButton text={t('markRead')} />}
      {groups.length === 0 ? (
        <p className="text-lg">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="inbox">
          {groups.map((g) => (
            <li key={g.key} data-testid="inbox-entry" className={`p-3 text-lg ${g.unread ? 'font-semibold' : ''}`}>
              <a href={open(g.latest.id)} className="underline">
                {kindOf(g.latest.kind)}：{g.latest.title}
              </a>
              <span className="block text-base font-normal text-stone-700">
                {when(g.latest.at)}
                {g.count > 1 && <span data-testid="inbox-count"> · {t('count', { count: g.count })}</span>}
                {g.unread > 0 && <span className="text-brand-700"> · {t('unread', { count: g.unread })}</span>}
              </span>
              {g.count > 1 && (
                <details className="mt-1 text-base font-normal">
                  <summary className="min-h-12 cursor-pointer py-2 text-brand-700">{t('expand', { count: g.count })}</summary>
                  <ul className="space-y-2 border-l-2 border-stone-200 pl-3">
                    {g.lines.map((l) => (
                      // The entry's title is the group's: a line names what happened and when.
                      <li key={l.item.id} className={l.item.readAt ? '' : 'font-semibold'}>
                        <a href={open(l.item.id)} className="underline">
                          {kindOf(l.item.kind)}
                        </a>
                        {l.repeats > 1 && <span> {t('repeats', { count: l.repeats })}</span>}
                        <span className="block text-stone-700">{when(l.item.at)}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
