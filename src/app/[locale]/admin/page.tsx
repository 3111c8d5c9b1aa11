import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { scopesOf } from '@/domain/authz/can';
import { sectionsFor } from '@/features/admin/staff-permissions';
import { byOf, requireUser } from '@/features/shared/guards';
import { listPendingClaims } from '@/server/accounts/claims';
import { describeScopes } from '@/server/admin/scope-lists';
import { stuckMotions } from '@/server/votes/ballots';
import { hasCases } from '@/server/mediation/read';
import { consultationDesks } from '@/features/consultation/desks';
import { Link } from '@/i18n/link';
import { BuildLine } from '@/features/admin/components/build-line';
import { MeetingDuties } from '@/features/meetings/components/meeting-duties';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin');

export default async function AdminHome({ params }: PageProps<'/[locale]/admin'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/admin');
  const by = byOf(user);
  const sections = sectionsFor(by);
  if (sections.length === 0) notFound();
  const t = await getTranslations('admin');
  const pending = sections.some((s) => s.key === 'claims') ? (await listPendingClaims(by)).length : 0;
  const stuck = await stuckMotions(by);
  const tm = await getTranslations('mediation.page');
  // 调解 (issue 21): for those who receive, mediate or are party to cases — the list itself is confidential per case.
  const mediation = (await hasCases(by)) ? [{ key: 'mediation', href: '/mediation', title: tm('desk'), detail: tm('deskHint') }] : [];
  // A district's own meeting kinds (decision 066): for its administrators.
  const meetingTypes = scopesOf(by.actor, 'meetingType.manage', by.today).length
    ? [{ key: 'meetingTypes', href: '/admin/meeting-types', title: t('meetingTypes.title'), detail: t('meetingTypes.hint') }]
    : [];
  // 选举 (issue 22): for those who run elections at a place.
  const te = await getTranslations('elections.page');
  const elections = scopesOf(by.actor, 'election.manage', by.today).length
    ? [{ key: 'elections', href: '/elections', title: te('desk'), detail: te('deskHint') }]
    : [];
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro', { scopes: (await describeScopes(by)).join('、') })}</p>
      {stuck.length > 0 && (
        <section
          aria-labelledby="stuck"
          className="space-y-2 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-900"
          data-testid="stuck-motions"
        >
          <h2 id="stuck" className="text-xl font-semibold">
            {t('stuckMotions.title')}
          </h2>
          <p className="text-lg">{t('stuckMotions.intro')}</p>
          <ul className="space-y-1 text-lg">
            {stuck.map((m) => (
              <li key={m.id}>
                <Link href={`/motions/${m.id}`} className="underline">
                  {m.topic.title}
                </Link>{' '}
                · {t('stuckMotions.tries', { count: m.closeFailures })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <MeetingDuties by={by} />
      <LinkList
        items={[
          ...sections.map((s) => ({
            key: s.key,
            href: s.href,
            title: t(`sections.${s.key}`),
            detail: s.key === 'claims' ? t('pendingCount', { count: pending }) : undefined,
          })),
          ...mediation,
          ...meetingTypes,
          ...elections,
          ...(await consultationDesks(by)),
        ]}
      />
      <BuildLine />
    </div>
  );
}
