/**
 * The geometry of the dashboard's charts (server-rendered SVG, issue 16): pure, so the axes are tested
 * without a browser. The plot is a box `months × 10` wide and 100 high, stretched to its container.
 */

/** Ticks of a count axis: whole numbers from 0 to at least `max`, in steps of 1, 2 or 5 × 10^k, at most 6 of them. */
export function countTicks(max: number): number[] {
  if (max <= 1) return [0, 1];
  let step = 1;
  for (let k = 1; ; k *= 10) {
    const s = [1, 2, 5].map((m) => m * k).find((x) => Math.ceil(max / x) <= 5);
    if (s) {
      step = s;
      break;
    }
  }
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/** The height of `v` on an axis whose top is `top`, as y in the 100-high box (0 at the top). */
export const yOf = (v: number, top: number): number => (top === 0 ? 100 : 100 - (v / top) * 100);

/** The x of the centre of month `i` (each month is 10 wide). */
export const xOf = (i: number): number => i * 10 + 5;

/** A line through the months that have a rate (0..1); months without one are skipped, not drawn as 0. */
export function linePath(values: readonly (number | null)[], top: number): string {
  return values
    .map((v, i) => (v === null ? null : `${xOf(i)} ${+yOf(v * 100, top).toFixed(2)}`))
    .filter((p) => p !== null)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p}`)
    .join('');
}

/** On a narrow chart every `labelStep(n)`-th month is labelled: at most 4 labels, which fit at 375 px with 200 % text. */
export const labelStep = (n: number): number => Math.max(1, Math.ceil(n / 4));
