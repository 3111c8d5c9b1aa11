import { describe, expect, test } from 'vitest';
import { mostInOffice, seatFree, type TTerm } from '@/domain/organisation/seats';

const open = (n: number, startsOn = '2024-01-01'): TTerm[] => Array.from({ length: n }, () => ({ startsOn, endsOn: null }));
const NEW: TTerm = { startsOn: '2026-12-03', endsOn: null };

describe('seatFree: one more member keeps the body within its seats on every day of the new term', () => {
  test.each<[string, number | null, TTerm[], TTerm, boolean]>([
    ['21 seats, 21 in office', 21, open(21), NEW, false],
    ['21 seats, 20 in office', 21, open(20), NEW, true],
    ['a term ended the day before frees its seat', 21, [...open(20), { startsOn: '2024-01-01', endsOn: '2026-12-02' }], NEW, true],
    [
      'a term ending that day still holds it (届满 includes the day)',
      21,
      [...open(20), { startsOn: '2024-01-01', endsOn: '2026-12-03' }],
      NEW,
      false,
    ],
    ['an appointment starting later takes the seat then', 21, [...open(20), { startsOn: '2027-01-01', endsOn: null }], NEW, false],
    [
      '…unless the new term ends before it',
      21,
      [...open(20), { startsOn: '2027-01-01', endsOn: null }],
      { startsOn: '2026-12-03', endsOn: '2026-12-31' },
      true,
    ],
    [
      'a seat handed over later is never double-counted',
      22,
      [...open(20), { startsOn: '2024-01-01', endsOn: '2026-12-10' }, { startsOn: '2026-12-20', endsOn: null }],
      NEW,
      true,
    ],
    [
      'past terms do not count',
      2,
      [
        { startsOn: '2020-01-01', endsOn: '2023-12-31' },
        { startsOn: '2020-01-01', endsOn: '2023-12-31' },
      ],
      NEW,
      true,
    ],
    ['no seat count: no limit', null, open(99), NEW, true],
    ['0 seats: nobody', 0, [], NEW, false],
  ])('%s', (_, seats, terms, term, free) => {
    expect(seatFree(seats, terms, term)).toBe(free);
  });
});

test('mostInOffice counts on the days terms start within the new term', () => {
  const terms: TTerm[] = [
    ...open(3),
    { startsOn: '2026-12-01', endsOn: '2026-12-05' },
    { startsOn: '2026-12-05', endsOn: null },
    { startsOn: '2026-12-06', endsOn: null },
  ];
  expect(mostInOffice(terms, { startsOn: '2026-12-03', endsOn: '2026-12-04' })).toBe(4);
  expect(mostInOffice(terms, { startsOn: '2026-12-03', endsOn: '2026-12-05' })).toBe(5);
  expect(mostInOffice(terms, NEW)).toBe(5);
});
