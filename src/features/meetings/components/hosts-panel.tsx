import { getFormatter, getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import type { TBy } from '@/server/accounts/by';
import { hostsPanel } from '@/server/meetings/hosts';
import { signoffView } from '@/server/meetings/signoff';
import { signOffAction } from '../types-actions';
import { HostsLive } from './hosts-live';
import { ButtonForm } from './meeting-forms';

/** A joint meeting's hosts, each with its own 应到/实到 and quorum, for those who see the attendance panel; nothing otherwise. */
export async function HostsPanel({ meetingId, visible }: { meetingId: number; visible: boolean }) {
  if (!visible) return null;
  const figures = await hostsPanel(meetingId);
  if (!figures.hosts.length) return null;
  return <HostsLive meetingId={meetingId} initial={figures} t={await labels('meetings.hosts')} />;
}

/**
 * Under the minutes of a joint meeting: each host's 签认 (signed, or signed by staff on the chair's behalf: 代签), and a
 * button for whoever may sign it now (the host's chair, or the meeting's organiser on the chair's behalf).
 */
export async function SignoffSection({ meetingId, by, visible }: { meetingId: number; by: TBy | null; visible: boolean }) {
  if (!visible) return null;
  const hosts = await signoffView(by, meetingId);
  if (!hosts.length) return null;
  const t = await getTranslations('meetings.signoff');
  const format = await getFormatter();
  return (
    <div className="space-y-2" data-testid="signoffs">
      <h3 className="text-xl font-semibold">{t('title')}</h3>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {hosts.map((h) => (
          <li key={h.hostId} className="flex min-h-14 flex-wrap items-center justify-between gap-2 px-3 py-2 text-lg">
            <span>
              {h.name} ·{' '}
              {h.signed
                ? `${h.signed.onBehalf ? t('onBehalf') : t('signed')} ${format.dateTime(h.signed.at, { dateStyle: 'short', timeZone: 'Asia/Shanghai' })}`
                : t('pending')}
            </span>
            {h.maySign && (
              <ButtonForm
                action={signOffAction}
                fields={{ meetingId, hostId: h.hostId }}
                label={h.asChair ? t('sign') : t('signOnBehalf')}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
