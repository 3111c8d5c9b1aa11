/**
 * Money of the ledgers (decision 071): integer fen as bigint, never a float. What people type ("1,234.56", "1234.5",
 * "¥ 88,000") becomes fen; fen become "¥1,234.56" again.
 */

/** The largest single amount an entry takes: ¥10,000,000,000.00 (the database's CHECK says the same). */
export const MAX_ENTRY_FEN = 1_000_000_000_000n;

export type TAmountRefusal = 'amountFormat' | 'amountDigits' | 'amountNotPositive' | 'amountTooLarge';
export type TParsedAmount = { ok: true; fen: bigint } | { ok: false; code: TAmountRefusal };

/**
 * Yuan as typed → fen. Thousands separators (, or ，) are accepted only in groups of three; at most two decimals
 * ("12.345" is refused, not rounded); a sign, zero or more than MAX_ENTRY_FEN are refused.
 */
export function parseYuan(typed: string): TParsedAmount {
  const s = typed
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/，/g, ',');
  if (/^[-−]/.test(s)) return { ok: false, code: 'amountNotPositive' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, code: 'amountFormat' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, code: 'amountDigits' };
  const whole = m[1]!.replace(/,/g, '');
  if (whole.length > 13) return { ok: false, code: 'amountTooLarge' };
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0') || '0');
  if (fen <= 0n) return { ok: false, code: 'amountNotPositive' };
  if (fen > MAX_ENTRY_FEN) return { ok: false, code: 'amountTooLarge' };
  return { ok: true, fen };
}

/** Fen → "¥1,234.56" (a minus sign before the ¥ for a negative figure, e.g. a period's reversed income). */
export function formatFen(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${yuan}.${cents}`;
}
