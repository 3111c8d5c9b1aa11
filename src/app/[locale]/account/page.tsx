import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { ChangePasswordForm, ChannelsForm, ClaimForm, EmailForm } from '@/features/accounts/components/account-forms';
import { CHANNELS, NOTIFY_GROUPS } from '@/domain/messages/channels';
import { SignOutButton } from '@/features/accounts/components/sign-in-form';
import { requireUser, byOf } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { getMyChannels } from '@/server/accounts/channel-choices';
import { getMyClaims, getMyEmail } from '@/server/accounts/my-account';
import { isStaff } from '@/features/admin/staff-permissions';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('account');

export default async function AccountPage({ params }: PageProps<'/[locale]/account'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/account');
  const t = await getTranslations('account');
  const claims = await getMyClaims(user.id);
  const channels = await getMyChannels(user.id);
  const roles = [...new Set(user.actor.grants.map((g) => g.role))];
  const home = localizedPath('/', (await getLocale()) as TLocale);
  return (
    <div className="space-y-8 pt-2">
      <section className="space-y-2">
        <h1 className="text-3xl font-bold">{t('me.title')}</h1>
        <p className="text-xl">{user.name}</p>
        {/* One's own number is shown in full; everyone else sees it masked. */}
        <p className="text-lg text-stone-700">{t('me.phone', { phone: user.phone })}</p>
        <p className={`rounded-lg p-3 text-lg ${user.verified ? 'bg-green-50 text-green-900' : 'bg-amber-50 text-amber-900'}`}>
          {user.verified ? t('me.verified') : t('me.unverified')}
        </p>
        <h2 className="pt-2 text-xl font-semibold">{t('me.roles')}</h2>
        <p className="text-lg">{roles.length ? roles.map((r) => t(`role.${r}`)).join('、') : t('me.noRoles')}</p>
        <div className="flex flex-wrap gap-3 pt-2">
          {isStaff(byOf(user)) && (
            <Link href="/admin" className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white">
              {t('me.admin')}
            </Link>
          )}
          <SignOutButton text={t('me.signOut')} to={home} />
        </div>
      </section>
      <section aria-labelledby="claims" className="space-y-3">
        <h2 id="claims" className="text-2xl font-semibold">
          {t('claim.mine')}
        </h2>
        {claims.length === 0 ? (
          <p className="text-lg">{t('claim.none')}</p>
        ) : (
          <ul className="space-y-2">
            {claims.map((c) => (
              <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
                {c.household.building.compound.name} {c.household.building.name} {c.household.unitNo}单元 {c.household.roomNo} ·{' '}
                {t(`relation.${c.relation}`)} · <strong>{t(`claim.status.${c.status}`, { reason: c.rejectReason ?? '' })}</strong>
              </li>
            ))}
          </ul>
        )}
        <h3 className="pt-2 text-xl font-semibold">{t('claim.title')}</h3>
        <p className="text-lg">{t('claim.intro')}</p>
        <ClaimForm
          t={await labels('account.claim')}
          relations={(['OWNER', 'FAMILY', 'TENANT'] as const).map((r) => ({ value: r, label: t(`relation.${r}`) }))}
        />
      </section>
      <section aria-labelledby="channels" className="space-y-3">
        <h2 id="channels" className="text-2xl font-semibold">
          {t('channels.title')}
        </h2>
        <p className="text-lg">{t('channels.intro')}</p>
        {!channels.hasEmail && <p className="text-base text-stone-700">{t('channels.noEmail')}</p>}
        {!channels.smsLive && <p className="text-base text-stone-700">{t('channels.smsOff')}</p>}
        <ChannelsForm
          t={await labels('account.channels')}
          groups={NOTIFY_GROUPS.map((g) => ({ key: g, label: t(`channels.group.${g}`), on: channels.choices[g] }))}
          channels={CHANNELS.map((c) => ({ key: c, label: t(`channels.channel.${c}`) }))}
          digest={channels.staff ? { checked: channels.digest } : null}
        />
      </section>
      <section aria-labelledby="email" className="space-y-3">
        <h2 id="email" className="text-2xl font-semibold">
          {t('email.title')}
        </h2>
        <p className="text-lg">{t('email.intro')}</p>
        <EmailForm t={await labels('account.email')} current={await getMyEmail(user.id)} />
      </section>
      <section aria-labelledby="password" className="space-y-3">
        <h2 id="password" className="text-2xl font-semibold">
          {t('password.title')}
        </h2>
        <ChangePasswordForm t={await labels('account.password')} />
      </section>
    </div>
  );
}
