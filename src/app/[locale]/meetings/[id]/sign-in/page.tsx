import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { signInAction } from '@/features/meetings/actions';
import { ButtonForm } from '@/features/meetings/components/meeting-forms';
import { byOf, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('meetings-id-sign-in');

/** What the QR code opens on a member's phone: sign in to the meeting with one large button. */
export default async function MeetingSignInPage({ params, searchParams }: PageProps<'/[locale]/meetings/[id]/sign-in'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const token = (await searchParams).t;
  if (!/^\d{1,9}$/.test(id) || typeof token !== 'string' || token.length > 100) notFound();
  const user = await requireUser(`/meetings/${id}/sign-in?t=${token}`);
  const m = await getMeetingView(byOf(user), Number(id));
  if (!m) notFound();
  const t = await getTranslations('meetings');
  const l = await labels('meetings.form');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{m.title}</h1>
      <p className="text-xl">{t('signIn.who', { name: user.name })}</p>
      {m.open && !m.viewer.invited && !m.viewer.attended && <p className="text-lg">{t('open.signInAsResident')}</p>}
      {m.viewer.attended ? (
        <p className="rounded-lg bg-green-50 p-4 text-xl text-green-900">{t('you.attended')}</p>
      ) : (
        <ButtonForm action={signInAction} fields={{ meetingId: m.id, token }} label={l.signIn!} />
      )}
    </div>
  );
}
