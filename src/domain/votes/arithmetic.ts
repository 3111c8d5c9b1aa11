/**
 * Exact threshold arithmetic (rules.md §0). Integers only; products in bigint, because areas in
 * 0.01 m² times a denominator can pass 2^53. Never a rounded percentage, never a float.
 */
export type TFraction = { p: number; q: number };

export const TWO_THIRDS: TFraction = { p: 2, q: 3 };
export const THREE_QUARTERS: TFraction = { p: 3, q: 4 };
export const HALF: TFraction = { p: 1, q: 2 };

const big = (n: number | bigint) => BigInt(n);

/** "p/q 以上" of total: count × q ≥ total × p (以上 includes the number itself). */
export function reachesFraction(count: number | bigint, total: number | bigint, f: TFraction): boolean {
  return big(count) * big(f.q) >= big(total) * big(f.p);
}

/** Least count reaching "p/q 以上": ceil(total × p / q). */
export function leastForFraction(total: number, f: TFraction): number {
  return Number((big(total) * big(f.p) + big(f.q) - 1n) / big(f.q));
}

/** "过半数": more than half — 2 × count > total; a tie fails. */
export function moreThanHalf(count: number | bigint, total: number | bigint): boolean {
  return 2n * big(count) > big(total);
}
export const leastForMoreThanHalf = (total: number) => Math.floor(total / 2) + 1;

/** "半数以上": half or more — 2 × count ≥ total. */
export function halfOrMore(count: number | bigint, total: number | bigint): boolean {
  return 2n * big(count) >= big(total);
}
export const leastForHalfOrMore = (total: number) => Math.ceil(total / 2);
