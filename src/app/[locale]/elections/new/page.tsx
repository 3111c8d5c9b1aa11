import { getTranslations, setRequestLocale } from 'next-intl/server';
import { electionRules, electorates } from '@/domain/elections/status';
import { OpenElectionForm } from '@/features/elections/components/open-form';
import { requirePermission } from '@/features/shared/guards';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { titled } from '@/i18n/titles';
import { electionDesk } from '@/server/elections/read';

export const generateMetadata = titled('elections-new');

/**
 * 发起选举 (issue 22, decision 069): first the community (a plain GET form when the account manages several), then the
 * election's form with that community's compounds, buildings, bodies, party organisations and coming meetings.
 */
export default async function NewElectionPage({ params, searchParams }: PageProps<'/[locale]/elections/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/elections/new', 'election.manage');
  const t = await getTranslations('elections');
  const desk = await electionDesk(by, Number((await searchParams).community) || undefined);
  const form = t.raw('new') as Record<string, string>;
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('new.title')}</h1>
      <p className="text-lg">{t('new.intro')}</p>
      {desk.communities.length === 0 && <p className="text-lg">{t('new.noCommunity')}</p>}
      {desk.communities.length > 1 && (
        <form method="get" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <label htmlFor="community" className="block text-lg font-medium">
            {t('new.community')}
          </label>
          <select
            id="community"
            name="community"
            defaultValue={desk.community ? String(desk.community.id) : ''}
            className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg"
          >
            <option value="">{t('new.choose')}</option>
            {desk.communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="min-h-12 w-full rounded-lg border border-brand-700 px-5 text-lg font-semibold text-brand-700 sm:w-auto"
          >
            {t('new.pick')}
          </button>
        </form>
      )}
      {desk.community && 'compounds' in desk && (
        <section className="space-y-3">
          <h2 className="text-xl font-semibold">{desk.community.name}</h2>
          <OpenElectionForm
            t={form}
            communityId={desk.community.id}
            compounds={desk.compounds.map((c) => ({ value: String(c.id), label: c.name }))}
            buildings={desk.compounds.flatMap((c) => c.buildings.map((b) => ({ value: String(b.id), label: `${c.name} ${b.name}` })))}
            bodies={desk.bodies.map((b) => ({ value: String(b.id), label: b.name }))}
            partyOrgs={desk.partyOrgs.map((o) => ({ value: String(o.id), label: o.name }))}
            meetings={desk.meetings.map((m) => ({ value: String(m.id), label: m.title }))}
            electorates={electorates.map((v) => ({ value: v, label: t(`electorate.${v}`) }))}
            rules={electionRules.filter((r) => r !== 'RUNOFF_THIRD').map((v) => ({ value: v, label: t(`rule.${v}`) }))}
            viewHref={localizedPath('/elections/ID', locale as TLocale)}
          />
        </section>
      )}
    </div>
  );
}
