'use client';
import { useLiveFigures } from './use-live-figures';

type TT = Record<string, string>;
type THost = { hostId: number; name: string; expected: number; present: number; least: number | null; met: boolean | null };
export type THostsFigures = { hosts: THost[]; allMet: boolean };

/**
 * Each host's 应到 / 实到 and its own quorum at a joint meeting (decision 066), live like the attendance panel
 * (useLiveFigures).
 */
export function HostsLive({ meetingId, initial, t }: { meetingId: number; initial: THostsFigures; t: TT }) {
  const p = useLiveFigures(`/api/meetings/${meetingId}/hosts`, initial);
  const tone = p.allMet ? 'border-green-700' : 'border-amber-700';
  return (
    <section aria-labelledby="hosts" className={`space-y-2 rounded-lg border-2 bg-white p-4 ${tone}`} data-testid="hosts-panel">
      <h2 id="hosts" className="text-2xl font-semibold">
        {t.title}
      </h2>
      <ul className="divide-y divide-stone-200" aria-live="polite">
        {p.hosts.map((h) => (
          <li key={h.hostId} className="py-2 text-lg" data-testid={`host-${h.hostId}`}>
            <p className="font-medium">{h.name}</p>
            <p>
              {t.expected} <span data-testid="host-expected">{h.expected}</span> · {t.present}{' '}
              <span data-testid="host-present">{h.present}</span>
              {h.met !== null && (
                <span className={h.met ? 'text-green-800' : 'text-amber-900'}>
                  {' '}
                  · {h.met ? t.quorumMet : t.quorumNotMet?.replace('{least}', String(h.least))}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
      <p className="text-lg font-semibold" data-testid="hosts-all-met">
        {p.allMet ? t.allMet : t.notAllMet}
      </p>
    </section>
  );
}
