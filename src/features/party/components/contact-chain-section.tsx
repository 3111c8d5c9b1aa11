import { getFormatter, getTranslations } from 'next-intl/server';
import type { TBy } from '@/server/accounts/by';
import { labels } from '@/i18n/labels';
import { contactChainForAdmin } from '@/server/party/contact-chain-read';
import { CONTACT_KINDS } from '../schemas';
import { AssignContactForm, EndContactForm } from './contact-chain-forms';

/** The branch's contact chain on its admin page (decision 051): the active links, ending them, and one form per kind. */
export async function ContactChainSection({ by, partyOrgId }: { by: TBy; partyOrgId: number }) {
  const chain = await contactChainForAdmin(by, partyOrgId).catch(() => null);
  if (!chain) return null;
  const t = await getTranslations('admin.contactChain');
  const l = await labels('admin.contactChain');
  const format = await getFormatter();
  const opts = (xs: { id: number; name: string }[]) => xs.map((x) => ({ value: String(x.id), label: x.name }));
  const sides = {
    OFFICER_TO_BUILDING_HEAD: [opts(chain.officers), opts(chain.buildingHeads)],
    BUILDING_HEAD_TO_PARTY_HOUSEHOLD: [opts(chain.buildingHeads), opts(chain.partyHouseholds)],
    PARTY_HOUSEHOLD_TO_RESIDENT: [opts(chain.partyHouseholds), opts(chain.households)],
  } as const;
  return (
    <section aria-labelledby="contact-chain" className="space-y-3">
      <h2 id="contact-chain" className="text-2xl font-semibold">
        {t('title')}
      </h2>
      <p className="text-base text-stone-700">{t('hint')}</p>
      {chain.links.length === 0 ? (
        <p className="text-lg">{t('none')}</p>
      ) : (
        <ul className="space-y-2" data-testid="contact-links">
          {chain.links.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 border-t border-stone-100 pt-2 text-lg">
              <span>
                {t(`kind.${k.kind}`)}：{k.keeper} → {k.kept} ·{' '}
                {t('since', { date: format.dateTime(k.startsOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}
              </span>
              <EndContactForm t={l} linkId={k.id} today={by.today} who={`${k.keeper} → ${k.kept}`} />
            </li>
          ))}
        </ul>
      )}
      {CONTACT_KINDS.map((kind) => (
        <details key={kind}>
          <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">
            {t('assignKind', { kind: t(`kind.${kind}`) })}
          </summary>
          <AssignContactForm t={l} partyOrgId={partyOrgId} kind={kind} keepers={sides[kind][0]} kept={sides[kind][1]} today={by.today} />
        </details>
      ))}
    </section>
  );
}
