import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { PrintButton } from '@/features/notices/components/notice-forms';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { agreementForPrint } from '@/server/mediation/agreement';

export const generateMetadata = titled('mediation-id-agreement');

/**
 * 人民调解协议书 printed on A4 for the parties and mediators to sign (issue 21, decision 064): staff of the case only (the
 * parties get their copy on paper); each view is an audited read of the case. The print style sheet prints the sheet alone.
 */
export default async function AgreementPrintPage({ params }: PageProps<'/[locale]/mediation/[id]/agreement'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const user = await requireUser(`/mediation/${id}/agreement`);
  const a = await orNotFound(agreementForPrint(byOf(user), Number(id)));
  const t = await getTranslations('mediation');
  const format = await getFormatter();
  const back = (
    <Link href={`/mediation/${id}`} className="underline">
      {t('print.back')}
    </Link>
  );
  if (!a)
    return (
      <div className="space-y-3 pt-2 text-lg">
        <p>{t('print.none')}</p>
        {back}
      </div>
    );
  const day = format.dateTime(new Date(`${a.dueOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const line = 'inline-block h-8 w-48 border-b border-stone-700 align-bottom';
  return (
    <div className="space-y-4 pt-2">
      <div className="no-print flex flex-wrap items-center gap-4 text-lg">
        <PrintButton label={t('print.printButton')} />
        {back}
      </div>
      <article
        className="print-sheet mx-auto max-w-[170mm] space-y-4 bg-white p-4 text-lg leading-relaxed print:p-0"
        data-testid="agreement-sheet"
      >
        <h1 className="text-center text-3xl font-bold tracking-widest">{t('print.title')}</h1>
        <p className="text-right">{t('print.number', { no: t('caseNo', a.caseNo) })}</p>
        <section className="space-y-1">
          <h2 className="font-semibold">{t('print.parties')}</h2>
          {a.parties.map((p, i) => (
            <p key={i} data-testid="agreement-party">
              {t(`side.${p.side}`)}：{p.name}
              {p.gender ? `，${t(`print.gender.${p.gender}`)}` : ''}
              {p.age ? `，${t('print.age', { age: p.age })}` : ''}
              {p.address ? `，${t('print.address', { address: p.address })}` : ''}
              {p.phone ? `，${t('print.phone', { phone: p.phone })}` : ''}
            </p>
          ))}
        </section>
        <section className="space-y-1">
          <h2 className="font-semibold">{t('print.facts')}</h2>
          <p className="whitespace-pre-line indent-8">{a.facts}</p>
        </section>
        <section className="space-y-1">
          <h2 className="font-semibold">{t('print.agreed')}</h2>
          <ol className="list-decimal space-y-1 pl-8">
            {a.terms.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ol>
        </section>
        <section className="space-y-1">
          <h2 className="font-semibold">{t('print.performance')}</h2>
          <p className="whitespace-pre-line indent-8">{a.performance}</p>
          <p className="indent-8">{t('print.dueBy', { day })}</p>
        </section>
        <p className="indent-8">{t('print.effect', { copies: a.copies })}</p>
        <section className="grid grid-cols-1 gap-3 pt-4 sm:grid-cols-2 print:grid-cols-2">
          {a.parties.map((p, i) => (
            <p key={i}>
              {t('print.partySign', { side: t(`side.${p.side}`), name: p.name })}
              <span className={line} />
            </p>
          ))}
          {/* One line per mediator named; a blank one when none is named yet. */}
          {(a.mediators.length ? a.mediators : ['']).map((name, i) => (
            <p key={`m${i}`}>
              {t('print.mediatorSign', { name })}
              <span className={line} />
            </p>
          ))}
        </section>
        <div className="space-y-6 pt-6 text-right">
          <p>{t('print.seal', { committee: a.committee })}</p>
          <p>{t('print.date')}</p>
        </div>
      </article>
    </div>
  );
}
