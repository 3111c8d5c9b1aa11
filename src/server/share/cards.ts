import 'server-only';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { getNoticeView } from '@/server/notices/read-board';
import { publicTopicRecord } from '@/server/topics/public-record';
import { chinaDay } from '@/server/today';

/**
 * What a share card may carry: notices, meetings and a decided topic's public record — the pages an anonymous visitor
 * can open (decision 055).
 */
export const SHARED_KINDS = ['notice', 'meeting', 'topic'] as const;
export type TSharedKind = (typeof SHARED_KINDS)[number];

/** The card's picture, in pixels: the size og:image readers expect. */
export const CARD = { width: 1200, height: 630 } as const;

export type TShareCard = { kind: TSharedKind; id: number; title: string; place: string; description: string; path: string };

const excerpt = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * A card for a link shared into a WeChat group: read as an anonymous visitor reads the page (the same use case, with
 * no viewer), so a card never says more than the page says to someone not signed in — and there is none when the
 * page is not public. A topic has one once its decision is public (its record at /board/t/:id); votes and issues sit
 * behind sign-in: no card (their public face is their notice).
 */
export async function shareCard(kind: TSharedKind, id: number): Promise<TShareCard | null> {
  if (kind === 'notice') {
    const n = await getNoticeView(id, null);
    if (!n) return null;
    const place = [n.place.street, n.place.community, n.place.compound].filter(Boolean).join(' · ');
    return { kind, id, title: n.title, place, description: excerpt(n.body), path: `/board/n/${n.id}` };
  }
  if (kind === 'topic') {
    const r = await publicTopicRecord(id);
    if (!r) return null;
    const place = [r.place.community, r.place.compound].filter(Boolean).join(' · ');
    return { kind, id, title: r.title, place, description: `${r.procedure.name} · 议事经过`, path: `/board/t/${r.id}` };
  }
  const m = await getMeetingView(null, id);
  if (!m) return null;
  const place = [m.place.community, m.place.compound].filter(Boolean).join(' · ');
  return { kind, id, title: m.title, place, description: excerpt(`${chinaDay(m.startsAt)} · ${m.location}`), path: `/meetings/${m.id}` };
}
