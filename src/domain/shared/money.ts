/**
 * Money is kept in integer fen (分). Parsing and printing never go through a float: "36,000.5" is
 * 3600050 fen, and 3600050 fen prints as "36,000.50".
 */
export const MAX_FEN = 2_000_000_000; // 20 million yuan: a column of 32-bit integers, far above a community project

/** Yuan as typed ("36000", "36,000.50", "１２"), to fen; null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const s = text
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** Fen to "36,000.50" (thousands separated, always two decimals). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
