/**
 * A body's seat count (e.g. 37 for a community council): how many members may hold a term on the
 * same day. Terms are calendar days ("YYYY-MM-DD", China); `endsOn` is the last day in office
 * (届满 includes the day), null while the term runs on.
 */
export type TTerm = { startsOn: string; endsOn: string | null };

const inOfficeOn = (t: TTerm, day: string) => t.startsOn <= day && (t.endsOn === null || day <= t.endsOn);
const overlaps = (t: TTerm, term: TTerm) =>
  (term.endsOn === null || t.startsOn <= term.endsOn) && (t.endsOn === null || t.endsOn >= term.startsOn);

/**
 * The most members of `terms` in office on any one day of `term`. The count only rises on a day a
 * term starts, so the first day of `term` and the later start days within it are the days to check.
 */
export function mostInOffice(terms: TTerm[], term: TTerm): number {
  const during = terms.filter((t) => overlaps(t, term));
  const days = [term.startsOn, ...during.map((t) => t.startsOn).filter((d) => d > term.startsOn)];
  return Math.max(0, ...days.map((d) => during.filter((t) => inOfficeOn(t, d)).length));
}

/** Whether one more member serving `term` keeps the body within its seats on every day (no seat count: no limit). */
export function seatFree(seats: number | null, terms: TTerm[], term: TTerm): boolean {
  return seats === null || mostInOffice(terms, term) + 1 <= seats;
}
