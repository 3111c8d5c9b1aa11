import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
import { followUpResults, mediationReferrals } from '@/domain/mediation/status';
import { byOf } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { getSessionUser } from '@/server/auth/session';
import { UseCaseError } from '@/server/errors';
import { caseOutcome } from '@/server/mediation/outcome';
import { DraftAgreementForm, FollowUpForm, NoAgreementForm, SignAgreementForm } from './outcome-forms';

type TOutcome = Awaited<ReturnType<typeof caseOutcome>>;

/** The outcome read for the signed-in user, or null when they have no part in the case (the page decides what that shows). */
async function outcomeFor(caseId: number): Promise<TOutcome | null> {
  const user = await getSessionUser();
  if (!user) return null;
  try {
    return await caseOutcome(byOf(user), caseId);
  } catch (e) {
    if (e instanceof UseCaseError) return null;
    throw e;
  }
}

/** The agreement's terms, numbered as on the printed agreement. */
function Terms({ terms }: { terms: string[] }) {
  return (
    <ol className="list-decimal space-y-1 pl-6 text-lg" data-testid="agreement-terms">
      {terms.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ol>
  );
}

/**
 * The case's outcome on its page (issue 21, decision 064): for its staff the agreement (draft form, print link, sign form
 * with the scan, the signed summary), the no-agreement form, the follow-up form and its history; for a party their signed
 * agreement's terms and deadline only. Reads through requireCase; the page audits the staff read.
 */
export async function MediationOutcome({ caseId }: { caseId: number }) {
  const o = await outcomeFor(caseId);
  if (!o) return null;
  const t = await getTranslations('mediation');
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  if (o.view === 'party')
    return (
      <section aria-labelledby="outcome" className="space-y-2">
        <h2 id="outcome" className="text-2xl font-semibold">
          {t('outcome.title')}
        </h2>
        {o.agreement ? (
          <>
            <Terms terms={o.agreement.terms} />
            <p className="text-lg">{t('outcome.dueOnIs', { day: day(o.agreement.dueOn) })}</p>
          </>
        ) : (
          <p className="text-lg text-stone-700">{t('outcome.noneYet')}</p>
        )}
      </section>
    );
  const l = await labels('mediation.outcome');
  const a = o.current;
  const open = o.status === 'OPEN';
  const referrals = mediationReferrals.map((r) => ({ value: r, label: t(`referral.${r}`) }));
  const results = followUpResults.map((r) => ({ value: r, label: t(`followUpResult.${r}`) }));
  return (
    <section aria-labelledby="outcome" className="space-y-4">
      <h2 id="outcome" className="text-2xl font-semibold">
        {t('outcome.title')}
      </h2>
      {a && (
        <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="agreement">
          <p className="text-lg font-semibold">
            {t('outcome.agreement')} · {t(`agreementStatus.${a.status}`)}
          </p>
          <Terms terms={a.terms} />
          <p className="text-lg">{t('outcome.dueOnIs', { day: day(a.dueOn) })}</p>
          {a.signedOn && <p className="text-lg">{t('outcome.signedOnIs', { day: day(a.signedOn) })}</p>}
          <p className="flex flex-wrap gap-4 text-lg">
            <Link href={`/mediation/${caseId}/agreement`} className="underline">
              {t('outcome.print')}
            </Link>
            {a.scanName && (
              <a href={`/api/mediation/${caseId}/scan`} className="underline">
                {t('outcome.scan')}
              </a>
            )}
          </p>
        </div>
      )}
      {open && (
        <>
          <h3 className="text-xl font-semibold">{a ? t('outcome.editDraft') : t('outcome.draft')}</h3>
          <DraftAgreementForm
            caseId={caseId}
            t={l}
            values={a && { facts: a.facts, terms: a.terms.join('\n'), performance: a.performance, dueOn: a.dueOn }}
          />
          {a?.status === 'DRAFT' && (
            <>
              <h3 className="text-xl font-semibold">{t('outcome.sign')}</h3>
              <SignAgreementForm caseId={caseId} t={l} />
            </>
          )}
          <h3 className="text-xl font-semibold">{t('outcome.noAgreement')}</h3>
          <NoAgreementForm caseId={caseId} referrals={referrals} t={l} />
        </>
      )}
      {o.status === 'UNRESOLVED' && o.referral && (
        <p className="text-lg" data-testid="referral">
          {t('outcome.referredTo', { to: t(`referral.${o.referral}`) })}
          {o.referralNote ? ` ${o.referralNote}` : ''}
        </p>
      )}
      {o.status === 'AGREED' && o.followUpFrom && (
        <>
          <h3 className="text-xl font-semibold">{t('outcome.followUp')}</h3>
          <p className="text-base text-stone-700">{t('outcome.followUpFrom', { day: day(o.followUpFrom) })}</p>
          <FollowUpForm caseId={caseId} visits={o.followUps.length} results={results} t={l} />
        </>
      )}
      {o.followUps.length > 0 && (
        <>
          <h3 className="text-xl font-semibold">{t('outcome.visits')}</h3>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="follow-ups">
            {o.followUps.map((f) => (
              <li key={f.id} className="px-3 py-2 text-lg">
                {day(f.visitedOn)} · {t(`followUpResult.${f.result}`)} · {f.note}
              </li>
            ))}
          </ul>
        </>
      )}
      {o.reopenCount > 0 && <p className="text-base text-stone-700">{t('outcome.reopened', { count: o.reopenCount })}</p>}
    </section>
  );
}
