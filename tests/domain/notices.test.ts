import { describe, expect, test } from 'vitest';
import { buildCalendar } from '@/domain/calendar/working-calendar';
import { chainText, checkChain, GENESIS, mayConclude, objectionWindow, periodLastDay } from '@/domain/notices/board';

// 2026: 国庆 Oct 1–8 holidays, Sep 28 (Sun) and Oct 10 (Sat) make-up working days (test data, not the package).
const cal = buildCalendar(
  [
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2026-10-${d}`, kind: 'HOLIDAY' as const })),
    { date: '2026-10-10', kind: 'WORKDAY' },
  ],
  [2026],
);

describe('publication periods', () => {
  test.each([
    ['2026-11-20', 7, 'CALENDAR', '2026-11-27'],
    ['2026-09-30', 7, 'CALENDAR', '2026-10-07'],
    ['2026-11-20', 5, 'WORKING', '2026-11-27'], // Fri + 5 working days: Mon–Fri of the next week
    ['2026-09-30', 3, 'WORKING', '2026-10-12'], // holiday week skipped; Sat 10 Oct is a make-up day: 9, 10, 12
    ['2026-07-01', 15, 'CALENDAR', '2026-07-16'],
  ] as const)('published %s, %d %s days → last day %s', (on, days, unit, last) => {
    expect(periodLastDay(on, days, unit, cal)).toBe(last);
  });
});

describe('objections and closing the period', () => {
  const n = { publishedOn: '2026-11-20', lastDay: '2026-11-27', superseded: false };
  test.each([
    ['2026-11-19', 'NOT_YET'],
    ['2026-11-20', 'OPEN'],
    ['2026-11-27', 'OPEN'],
    ['2026-11-28', 'CLOSED'],
  ] as const)('on %s the window is %s', (today, w) => {
    expect(objectionWindow(today, n)).toBe(w);
  });
  test('a superseded notice takes no objection', () => {
    expect(objectionWindow('2026-11-21', { ...n, superseded: true })).toBe('SUPERSEDED');
  });
  test.each([
    ['2026-11-27', [], 'notice.periodRunning'],
    ['2026-11-28', [{ answered: false }], 'notice.objectionUnanswered'],
    ['2026-11-28', [{ answered: true }], 'with objections'],
    ['2026-11-28', [], 'without objection'],
  ] as const)('closing on %s with %j: %s', (today, objections, expected) => {
    const r = mayConclude(today, { lastDay: '2026-11-27', objections: [...objections], concluded: false });
    expect(r.ok ? (r.withObjections ? 'with objections' : 'without objection') : r.code).toBe(expected);
  });
});

describe('the hash chain', () => {
  const base = {
    kind: 'DECISION',
    category: 'RESIDENTS',
    title: 't',
    body: 'b',
    bodyHtml: null,
    streetId: 1,
    communityId: 2,
    compoundId: null,
    topicId: 3,
    publishedAt: '2026-11-20T01:00:00.000Z',
    periodEndsAt: null,
    supersedesId: null,
    attachments: [],
  };
  test('the text covers every published field, in a fixed order', () => {
    const a = chainText({ seq: 1, prevHash: GENESIS, ...base });
    expect(a).toBe(`[1,"${GENESIS}","DECISION","RESIDENTS","t","b",null,1,2,null,3,"2026-11-20T01:00:00.000Z",null,null,[]]`);
    expect(chainText({ seq: 1, prevHash: GENESIS, ...base, title: 't ' })).not.toBe(a);
  });
  const links = [
    { seq: 1, prevHash: GENESIS, hash: 'a', computed: 'a' },
    { seq: 2, prevHash: 'a', hash: 'b', computed: 'b' },
    { seq: 3, prevHash: 'b', hash: 'c', computed: 'c' },
  ];
  test.each([
    ['intact', links, { ok: true, count: 3, head: 'c' }],
    ['a notice removed', [links[0]!, links[2]!], { ok: false, count: 2, brokenAt: 2, reason: 'GAP' }],
    ['a notice edited', [links[0]!, { ...links[1]!, computed: 'x' }, links[2]!], { ok: false, count: 3, brokenAt: 2, reason: 'HASH' }],
    ['a link rewired', [links[0]!, { ...links[1]!, prevHash: 'z' }, links[2]!], { ok: false, count: 3, brokenAt: 2, reason: 'LINK' }],
    ['empty', [], { ok: true, count: 0, head: GENESIS }],
  ])('%s', (_, l, expected) => {
    expect(checkChain(l)).toEqual(expected);
  });
});
