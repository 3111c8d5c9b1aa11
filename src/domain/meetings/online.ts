/**
 * Online and hybrid meetings (decision 059): an ONLINE or BOTH (现场+线上) meeting needs the link to join, https only
 * (a plain-http link would let anyone on the way read or change it); an in-person meeting keeps none.
 */
export type TMeetingMode = 'IN_PERSON' | 'ONLINE' | 'BOTH';
export const ONLINE_URL_MAX = 500;

export function onlineLink(mode: TMeetingMode, url: string | undefined): { ok: true; url: string | null } | { ok: false; code: string } {
  if (mode === 'IN_PERSON') return { ok: true, url: null };
  const text = (url ?? '').trim();
  if (text === '') return { ok: false, code: 'meeting.onlineUrlNeeded' };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, code: 'meeting.onlineUrlHttps' };
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || /\s/.test(text) || text.length > ONLINE_URL_MAX)
    return { ok: false, code: 'meeting.onlineUrlHttps' };
  return { ok: true, url: text };
}

/** Who may take part online: only in a meeting held (also) online. */
export const heldOnline = (mode: TMeetingMode) => mode !== 'IN_PERSON';

/** 实到 split by where people were: in the room (现场) and online (线上); both count toward the quorum. */
export function presentSplit(rows: { online: boolean }[]): { onSite: number; online: number } {
  const online = rows.filter((r) => r.online).length;
  return { onSite: rows.length - online, online };
}
