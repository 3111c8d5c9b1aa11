import { getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { deciderOf, deciders } from '@/domain/topics/deciders';
import { topicActors } from '@/domain/topics/procedure';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { CommitteeRuleForm, ProcedureForm } from '@/features/topics/components/procedure-form';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { ownersCommitteeRuleOf, proceduresFor, procedureOf } from '@/server/topics/procedures';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-procedures');

/** The district's procedures: the city templates, or the district's adjusted versions of them. */
export default async function ProceduresPage({ params }: PageProps<'/[locale]/admin/procedures'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/procedures', 'procedure.manage');
  const districtId = scopesOf(by.actor, 'procedure.manage', by.today).find((p) => p.level === 'district')!.id;
  const t = await getTranslations('procedures');
  const tt = await getTranslations('topics');
  const l = await labels('procedures');
  const procedures = await proceduresFor(districtId);
  const actorNames = Object.fromEntries(topicActors.map((a) => [a, t(`actor.${a}`)]));
  // Who decides a motion: any listed body or meeting; an owners' assembly only in its own procedure, where it stays.
  const options = deciders.filter((d) => d !== 'OWNERS_ASSEMBLY').map((d) => ({ value: d, label: t(`decider_${d}`) }));
  return (
    <AdminShell title={t('title')}>
      <p className="text-lg">{t('intro')}</p>
      <CommitteeRuleForm districtId={districtId} current={await ownersCommitteeRuleOf(districtId)} t={l} />
      {procedures.map((p) => {
        const steps = procedureOf(p).steps;
        return (
          <details key={p.code} className="rounded-lg border border-stone-300 p-3">
            <summary className="flex min-h-12 cursor-pointer items-center text-lg font-medium">
              <span>{locale === 'en' ? p.nameEn : p.nameZh}</span>
              <span className="ml-2 text-base font-normal text-stone-700">
                {p.districtId ? t('own', { version: p.version }) : t('city')}
              </span>
            </summary>
            <ProcedureForm
              districtId={districtId}
              procedureId={p.id}
              steps={steps}
              stepNames={steps.map((s) => tt(`step.${s.key}` as 'step.raise'))}
              actorNames={actorNames}
              t={l}
              deciders={steps.map((s) => {
                const e = s.onLeave.find((x) => x.kind === 'OPEN_MOTION');
                const current = e ? deciderOf(e) : null;
                return current && current !== 'OWNERS_ASSEMBLY' ? { current, options } : null;
              })}
            />
          </details>
        );
      })}
    </AdminShell>
  );
}
