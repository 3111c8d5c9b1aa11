import { createTranslator } from 'next-intl';
import { describe, expect, test } from 'vitest';
import {
  adultResidents,
  committeeNotice,
  entitled,
  householdSentenceValues,
  isAdult,
  occupiedHouseholds,
  presentFromMeeting,
  publicationState,
  requestThreshold,
  type TRosterHousehold,
} from '@/domain/meetings/residents';
import { evaluateBody } from '@/domain/votes/evaluate';
import zh from '../../../messages/zh-CN/meetings.json';

/** 420 occupied households (one resident each, born 1980) and 30 empty ones. */
const households: TRosterHousehold[] = [
  ...Array.from({ length: 420 }, (_, i) => ({ id: i + 1, residents: [{ personId: i + 1, birthYear: 1980 }] })),
  ...Array.from({ length: 30 }, (_, i) => ({ id: 1000 + i, residents: [] })),
];
const t = createTranslator({ locale: 'zh-CN', messages: { meetings: zh }, namespace: 'meetings.residents' });
const sentence = (roster: number, present: number, yes: number) =>
  t('sentence', householdSentenceValues(evaluateBody({ kind: 'RESIDENTS_MEETING' }, { roster, present, for: yes })));

describe('应到 of a residents’ meeting', () => {
  test('households: occupied only; adults: 18+ this year, unknown birth year counts, each person once', () => {
    expect(occupiedHouseholds(households)).toBe(420);
    const mixed: TRosterHousehold[] = [
      {
        id: 1,
        residents: [
          { personId: 1, birthYear: 2008 },
          { personId: 2, birthYear: 2009 },
          { personId: 3, birthYear: null },
        ],
      },
      { id: 2, residents: [{ personId: 3, birthYear: null }] },
    ];
    expect(isAdult(2008, 2026)).toBe(true);
    expect(isAdult(2009, 2026)).toBe(false);
    expect(adultResidents(mixed, 2026)).toBe(2);
    expect(entitled('HOUSEHOLDS', { households: mixed, representatives: 9 }, 2026)).toBe(2);
    expect(entitled('ADULT_RESIDENTS', { households: mixed, representatives: 9 }, 2026)).toBe(2);
    expect(entitled('GROUP_REPRESENTATIVES', { households: mixed, representatives: 9 }, 2026)).toBe(9);
  });
});

describe('vector 9: residents’ meeting of 420 households', () => {
  test.each([
    [210, 106, 'noQuorum', '应到 420 户，出席 210 户（过半数户出席，至少 211 户），未达到，出席户数不足，未通过'],
    [211, 106, 'passed', '应到 420 户，出席 211 户（过半数户出席，至少 211 户），赞成 106 票，需出席者过半数（至少 106 票），通过'],
    [211, 105, 'failed', '应到 420 户，出席 211 户（过半数户出席，至少 211 户），赞成 105 票，需出席者过半数（至少 106 票），未通过'],
  ])('%i present, %i yes → %s', (present, yes, code, words) => {
    const r = evaluateBody({ kind: 'RESIDENTS_MEETING' }, { roster: 420, present, for: yes });
    expect(r.code).toBe(code);
    expect(sentence(420, present, yes)).toBe(words);
  });
});

describe('vectors 11 and 12: owners’ committee', () => {
  test.each([
    [7, 4, 4, 'NATIONAL', 'passed'],
    [7, 4, 3, 'NATIONAL', 'failed'],
    [7, 3, 3, 'NATIONAL', 'noQuorum'],
    [6, 6, 3, 'NATIONAL', 'passed'],
    [6, 6, 3, 'BEIJING_SHANGHAI', 'failed'],
  ] as const)('%i members, %i present, %i yes, %s → %s', (roster, present, yes, jurisdiction, code) => {
    expect(evaluateBody({ kind: 'OWNERS_COMMITTEE', jurisdiction }, { roster, present, for: yes }).code).toBe(code);
  });
});

describe('art. 10 least counts', () => {
  test.each([
    ['HOUSEHOLDS', 420, 83, 84, false],
    ['HOUSEHOLDS', 420, 84, 84, true],
    ['ADULTS', 1001, 200, 201, false],
    ['ADULTS', 1001, 201, 201, true],
    ['GROUPS', 7, 2, 3, false],
    ['GROUPS', 7, 3, 3, true],
    ['GROUPS', 0, 0, 0, false],
  ] as const)('%s of %i: %i support, least %i → %s', (basis, total, count, least, reached) => {
    expect(requestThreshold(basis, total, count)).toMatchObject({ least, reached });
  });
});

describe('owners’ committee: 7 days’ notice, 3 days to publish a decision', () => {
  test.each([
    ['2026-12-04', '2026-12-11', false],
    ['2026-12-04', '2026-12-10', true],
  ])('notice %s for %s: short %s', (notice, meeting, short) => {
    const n = committeeNotice(notice, meeting);
    expect(n.short).toBe(short);
    if (n.short) expect(n).toEqual({ short: true, days: 7, earliest: '2026-12-11' });
  });
  test.each([
    ['2026-12-29', '2026-12-29', null, 'ON_TIME', 0],
    ['2026-12-29', '2026-12-31', null, 'ON_TIME', 0],
    ['2026-12-29', '2027-01-01', null, 'LAST_DAY', 0],
    ['2026-12-29', '2027-01-03', null, 'LATE', 2],
    ['2026-12-29', '2027-01-03', '2027-01-02', 'PUBLISHED', 0],
  ])('decided %s, on %s (published %s): %s, %i days over', (decided, day, published, state, over) => {
    expect(publicationState(decided, day, published)).toMatchObject({ state, over, dueBy: '2027-01-01' });
  });
});

test('a motion at a meeting takes the recorded present count; a typed count that differs is refused', () => {
  expect(presentFromMeeting(211, 211)).toBe(211);
  expect(presentFromMeeting(212, 211)).toBeNull();
});
