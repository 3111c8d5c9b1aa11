/**
 * The 人民调解协议书's rules (issue 21, decisions 062 and 064): what an agreement must hold before it is printed for
 * signing, when it may be signed, and when the follow-up visit (回访) may be logged. Pure: days are China's calendar days
 * ("YYYY-MM-DD") passed in by the caller.
 */
export type TSide = 'APPLICANT' | 'RESPONDENT';
export type TAgreementInput = { facts: string; terms: string; performance: string; dueOn: string; sides: readonly TSide[] };
export type TAgreementText = { facts: string; terms: { text: string }[]; performance: string; dueOn: string };
export type TAgreementCheck = { ok: true; value: TAgreementText } | { ok: false; code: string; field?: keyof TAgreementInput };

/** The most terms one agreement lists (a longer settlement belongs in an annex on paper). */
export const MAX_TERMS = 30;

/** A line's own numbering ("1.", "2、", "（3）", "四、") is dropped: the printed agreement numbers its terms. */
const NUMBERING = /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*[.、．)）]|[一二三四五六七八九十]+\s*[、.．])\s*/;

/** The terms as typed, one per line: numbering and blank lines dropped. */
export function termLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(NUMBERING, '').trim())
    .filter((l) => l.length > 0);
}

/** Whether a string names a real calendar day. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

const fail = (code: string, field?: keyof TAgreementInput): TAgreementCheck => ({ ok: false, code, field });

/**
 * The agreement as it may be drafted: parties on both sides (from the case), the facts, at least one term, how and by
 * when it is performed (a deadline from today on). The first thing wrong, with its field; otherwise the cleaned text.
 */
export function checkAgreement(input: TAgreementInput, today: string): TAgreementCheck {
  if (!input.sides.includes('APPLICANT') || !input.sides.includes('RESPONDENT')) return fail('mediation.agreementParties');
  const facts = input.facts.trim();
  if (!facts) return fail('mediation.agreementFacts', 'facts');
  const terms = termLines(input.terms);
  if (terms.length === 0 || terms.length > MAX_TERMS) return fail('mediation.agreementTerms', 'terms');
  const performance = input.performance.trim();
  if (!performance) return fail('mediation.agreementPerformance', 'performance');
  if (!isCalendarDay(input.dueOn) || input.dueOn < today) return fail('mediation.dueOnPast', 'dueOn');
  return { ok: true, value: { facts, terms: terms.map((text) => ({ text })), performance, dueOn: input.dueOn } };
}

/** Signing on paper: not a day still to come, not before the case was received, not after the agreement's deadline. */
export function signingRefusal(a: { signedOn: string; receivedOn: string; dueOn: string }, today: string): string | null {
  if (!isCalendarDay(a.signedOn) || a.signedOn > today) return 'mediation.signedFuture';
  if (a.signedOn < a.receivedOn) return 'mediation.signedBeforeReceived';
  if (a.dueOn < a.signedOn) return 'mediation.dueBeforeSigned';
  return null;
}

/** The follow-up visit checks the agreement was kept: from its deadline on, never before. */
export function followUpRefusal(dueOn: string, today: string): string | null {
  return today < dueOn ? 'mediation.followUpEarly' : null;
}

/** 本协议一式 N 份: one for each party and one for the people's mediation committee. */
export const agreementCopies = (parties: number) => parties + 1;
