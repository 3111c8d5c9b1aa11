import { getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { maskPhone } from '@/domain/shared/phone';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { PartyMemberForm } from '@/features/places-admin/components/party-member-form';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { listPartyMembers, listPartyOrgsInScope } from '@/server/territory-admin/party-members';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-party');

export default async function PartyPage({ params, searchParams }: PageProps<'/[locale]/admin/party'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/party', 'partyMember.manage');
  const raw = (await searchParams).skill;
  const skill = typeof raw === 'string' ? raw.slice(0, 20) : '';
  const t = await getTranslations('admin');
  const members = await listPartyMembers(by, { skill });
  const orgs = await listPartyOrgsInScope(by);
  return (
    <AdminShell title={t('sections.party')}>
      <p className="text-lg">{t('party.intro')}</p>
      {scopesOf(by.actor, 'partyOrg.manage', by.today).length > 0 && (
        <Link href="/admin/party/orgs" className="block text-lg text-brand-700 underline">
          {t('partyOrgs.orgsLink')}
        </Link>
      )}
      <form method="get" role="search" className="flex gap-2">
        <label htmlFor="skill" className="sr-only">
          {t('party.filter')}
        </label>
        <input
          id="skill"
          name="skill"
          type="search"
          defaultValue={skill}
          placeholder={t('party.filter')}
          className="min-h-12 w-full flex-1 rounded-lg border border-stone-400 bg-white px-3 text-lg"
        />
        <button className="min-h-12 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white">{t('party.filterSubmit')}</button>
      </form>
      {members.length === 0 ? (
        <p className="text-lg">{t('party.empty')}</p>
      ) : (
        <ul className="space-y-2" data-testid="party-members">
          {members.map((m) => (
            <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
              <span className="font-semibold">{m.person.name}</span> {m.person.phone && maskPhone(m.person.phone)} · {m.partyOrg.name}
              {m.dualRegistered && (
                <span className="ml-2 rounded bg-stone-200 px-1.5 text-base">
                  {t('party.dual')}
                  {m.workUnit ? ` · ${m.workUnit}` : ''}
                </span>
              )}
              {m.servicePost && <span className="block text-base">{t('party.post', { post: m.servicePost })}</span>}
              {m.skills.length > 0 && <span className="block text-base">{t('party.skillsOf', { skills: m.skills.join('、') })}</span>}
              {m.interests.length > 0 && (
                <span className="block text-base">{t('party.interestsOf', { interests: m.interests.join('、') })}</span>
              )}
              {m.intentions && <span className="block text-base text-stone-700">{m.intentions}</span>}
            </li>
          ))}
        </ul>
      )}
      {orgs.length > 0 && (
        <section aria-labelledby="party-register" className="space-y-3">
          <h2 id="party-register" className="text-2xl font-semibold">
            {t('party.register')}
          </h2>
          <PartyMemberForm t={await labels('admin.party')} orgs={orgs.map((o) => ({ value: String(o.id), label: o.name }))} />
        </section>
      )}
    </AdminShell>
  );
}
