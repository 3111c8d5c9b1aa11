import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a Chinese place name, lower case: 武侯区 → "whq", 晋阳社区 → "jysq".
 * Letters and digits in the name are kept as they are ("3栋" → "3d").
 */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
}

/** How a search box query is matched: Chinese text against names, latin letters against initials. */
export type TPlaceQuery = { kind: 'name'; text: string } | { kind: 'initials'; text: string } | { kind: 'empty' };

export function parsePlaceQuery(raw: string): TPlaceQuery {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  if (!text) return { kind: 'empty' };
  if (/^[a-z0-9]+$/i.test(text)) return { kind: 'initials', text: text.toLowerCase() };
  return { kind: 'name', text };
}
