/**
 * Streets and communities a district sets up by hand (decision 046): a new street office, a community split off, a place
 * missing from the official tables. Official codes are all digits (a street 9, a community 12); a hand-made place's
 * code is its parent's code, the letter X and a number ("510107X1", "510107009X2"), so it can never be an official
 * one — the database checks both forms. Pure.
 */
export const HAND_MADE_MARK = 'X';

export type TDivisionLevel = 'street' | 'community';

const OFFICIAL_LENGTH: Record<TDivisionLevel, number> = { street: 9, community: 12 };

/** The form the database's CHECK accepts: official digits of the level's length, or digits then X and a number, repeated. */
export function isValidDivisionCode(level: TDivisionLevel, code: string): boolean {
  return new RegExp(`^(\\d{${OFFICIAL_LENGTH[level]}}|\\d+(${HAND_MADE_MARK}\\d+)+)$`).test(code);
}

export const isHandMadeCode = (code: string) => code.includes(HAND_MADE_MARK);

/** The next free code under a parent, given the codes of its children (official and hand-made): parent + X + (highest + 1). */
export function nextHandMadeCode(parentCode: string, siblingCodes: readonly string[]): string {
  const prefix = `${parentCode}${HAND_MADE_MARK}`;
  const taken = siblingCodes
    .filter((c) => c.startsWith(prefix) && /^\d+$/.test(c.slice(prefix.length)))
    .map((c) => Number(c.slice(prefix.length)));
  return `${prefix}${Math.max(0, ...taken) + 1}`;
}

export const PLACE_NAME_MAX = 30;

/**
 * A place name as typed by staff, cleaned: full-width letters and digits made plain, spaces removed (Chinese place
 * names have none: "晋阳 社区" is "晋阳社区"). null when nothing is left, it is too long, or it holds anything but
 * letters, digits and the marks place names use (·-（）()).
 */
export function cleanPlaceName(raw: string): string | null {
  const name = raw.normalize('NFKC').replace(/\s+/g, '');
  if (name.length < 2 || name.length > PLACE_NAME_MAX) return null;
  return /^[\p{L}\p{N}·\-()]+$/u.test(name) ? name : null;
}
