import { describe, expect, test } from 'vitest';
import { agreementCopies, checkAgreement, followUpRefusal, signingRefusal, termLines, type TSide } from '@/domain/mediation/agreement';

const TODAY = '2026-12-03';
const good = {
  facts: '楼上漏水渗到楼下',
  terms: '1. 楼上负责维修\n2. 赔偿 800 元',
  performance: '一次付清',
  dueOn: '2026-12-20',
  sides: ['APPLICANT', 'RESPONDENT'] as readonly TSide[],
};

// The 人民调解协议书's content (issue 21, decision 064): parties on both sides, facts, at least one term, performance, a
// deadline from today on. The first thing wrong is named with its field.
describe('checkAgreement', () => {
  test.each<[string, Partial<typeof good>, string | null, string | null]>([
    ['complete', {}, null, null],
    ['no parties at all', { sides: [] }, 'mediation.agreementParties', null],
    ['applicants only', { sides: ['APPLICANT', 'APPLICANT'] }, 'mediation.agreementParties', null],
    ['respondent only', { sides: ['RESPONDENT'] }, 'mediation.agreementParties', null],
    ['no facts', { facts: '  ' }, 'mediation.agreementFacts', 'facts'],
    ['no terms', { terms: '' }, 'mediation.agreementTerms', 'terms'],
    ['only blank lines and numbers', { terms: '\n  \n1.\n' }, 'mediation.agreementTerms', 'terms'],
    ['no performance', { performance: '' }, 'mediation.agreementPerformance', 'performance'],
    ['due yesterday', { dueOn: '2026-12-02' }, 'mediation.dueOnPast', 'dueOn'],
    ['due today', { dueOn: TODAY }, null, null],
    ['due on no real day', { dueOn: '2026-02-30' }, 'mediation.dueOnPast', 'dueOn'],
    ['too many terms', { terms: Array.from({ length: 31 }, (_, i) => `第${i}条`).join('\n') }, 'mediation.agreementTerms', 'terms'],
  ])('%s', (_, change, code, field) => {
    const r = checkAgreement({ ...good, ...change }, TODAY);
    if (code === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, code, field: field ?? undefined });
  });

  test('keeps the terms as one item per line, numbering and blank lines dropped (the print numbers them)', () => {
    const r = checkAgreement({ ...good, terms: '1. 楼上负责维修\n\n（2）赔偿 800 元\n三、 互相谅解 ' }, TODAY);
    expect(r).toMatchObject({ ok: true, value: { terms: [{ text: '楼上负责维修' }, { text: '赔偿 800 元' }, { text: '互相谅解' }] } });
  });
});

describe('termLines', () => {
  test.each<[string, string[]]>([
    ['a\nb', ['a', 'b']],
    ['1、甲\r\n2、乙', ['甲', '乙']],
    ['(1) 甲', ['甲']],
    ['10. 第十条', ['第十条']],
    ['2026年12月前付清', ['2026年12月前付清']],
  ])('%j → %j', (text, lines) => expect(termLines(text)).toEqual(lines));
});

// Signing: the day signed is not in the future, not before the case was received, and not after the agreement's deadline.
describe('signingRefusal', () => {
  test.each<[string, string, string, string | null]>([
    ['2026-12-03', '2026-12-01', '2026-12-20', null],
    ['2026-12-01', '2026-12-01', '2026-12-01', null],
    ['2026-12-04', '2026-12-01', '2026-12-20', 'mediation.signedFuture'],
    ['2026-11-30', '2026-12-01', '2026-12-20', 'mediation.signedBeforeReceived'],
    ['2026-12-03', '2026-12-01', '2026-12-02', 'mediation.dueBeforeSigned'],
  ])('signed %s, received %s, due %s → %s', (signedOn, receivedOn, dueOn, code) => {
    expect(signingRefusal({ signedOn, receivedOn, dueOn }, TODAY)).toBe(code);
  });
});

// 回访 from the agreement's deadline on (China's day).
describe('followUpRefusal', () => {
  test.each<[string, string | null]>([
    ['2026-12-04', 'mediation.followUpEarly'],
    ['2026-12-03', null],
    ['2026-11-01', null],
  ])('due %s → %s', (dueOn, code) => expect(followUpRefusal(dueOn, TODAY)).toBe(code));
});

// 一式 N 份: one for each party and one for the committee.
describe('agreementCopies', () => {
  test.each([
    [2, 3],
    [3, 4],
  ])('%i parties → %i copies', (parties, copies) => expect(agreementCopies(parties)).toBe(copies));
});
