import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { TCheck, TResult } from '@/domain/votes/evaluate';
import { resultView, type TResultView, type TStoredTally, type TVoterGroup } from '@/domain/votes/result-view';
import zhVotes from '../../../messages/zh-CN/votes.json';
import enVotes from '../../../messages/en/votes.json';
import type { TTx } from '@/server/db';

export type TLocale = 'zh-CN' | 'en';
const AREA: TCheck['what'][] = ['turnoutArea', 'decisionArea'];
const m2 = (centi: number) => (centi / 100).toFixed(2);
const translator = (locale: TLocale) =>
  createTranslator({ locale, messages: { votes: locale === 'en' ? enVotes : zhVotes }, namespace: 'votes' });

/** The developer's unsold units, one voter on an owners' roll (key 0), in the reader's language. */
export const developerUnsold = (locale: TLocale) => translator(locale)('page.developerUnsold');

/** Chinese texts of the votes catalogue, for what is published (notices are official documents in Chinese). */
export const votesZh = translator('zh-CN');

/** A check's numbers as printed: areas in m² with two decimals (exact: they are kept in 0.01 m²). */
function numbers(c: TCheck) {
  const f = AREA.includes(c.what) ? m2 : String;
  return { count: f(c.count), denominator: f(c.denominator), least: f(c.least) };
}

/**
 * A result in words, one sentence per check: "赞成 25，应到 37，需三分之二以上（至少 25），达到" and the
 * outcome. Notices and the topic page use it.
 */
export function describeResult(r: TResult, locale: TLocale = 'zh-CN'): { lines: string[]; outcome: string } {
  const t = translator(locale);
  const lines = r.checks.map((c) =>
    t('checkSentence', {
      what: t(`what.${c.what}`),
      base: t(`base.${c.base}`),
      threshold: t(`threshold.${c.threshold}`),
      ...numbers(c),
      met: String(c.met),
    }),
  );
  return { lines, outcome: t(`resultCode.${r.code}`) };
}

/**
 * Everything a result carries, in the reader's language: the rule, who voted, every count (with present
 * and absent where a meeting's quorum applies), the checks, and one sentence with the fraction and the
 * least count of the check that decided — never a percentage.
 */
export function describeView(v: TResultView, locale: TLocale = 'zh-CN') {
  const t = translator(locale);
  const ruleKey =
    v.rule === 'OWNERS_COMMITTEE' && v.jurisdiction === 'BEIJING_SHANGHAI' ? 'rule_OWNERS_COMMITTEE_BEIJING_SHANGHAI' : `rule_${v.rule}`;
  const rule = t(`page.${ruleKey}` as 'page.rule_ROSTER_FRACTION') + (v.matter ? t('page.matter', { n: v.matter }) : '');
  const voters = t(`result.voters_${v.voters}`, { body: v.bodyName ?? '', roster: v.roster });
  const c = v.counts;
  const counts =
    (c.against === null || c.abstain === null
      ? t('result.countsNotFor', { for: c.for, notFor: c.notFor, notVoted: c.notVoted })
      : t('result.counts', { for: c.for, against: c.against, abstain: c.abstain, notVoted: c.notVoted })) +
    (c.present === null ? '' : t('result.attendance', { present: c.present, absent: c.absent ?? 0 }));
  const area = v.area ? t('result.area', { total: m2(v.area.total), voting: m2(v.area.voting), for: m2(v.area.for) }) : null;
  // The check that decided: the first one not met when it failed, else the decision by heads.
  const decisive =
    (!v.passed && v.checks.find((x) => !x.met)) ||
    v.checks.find((x) => x.what === 'decision' || x.what === 'decisionHeads') ||
    v.checks[v.checks.length - 1]!;
  const sentence = t('result.sentence', {
    what: t(`what.${decisive.what}`),
    base: t(`base.${decisive.base}`),
    threshold: t(`threshold.${decisive.threshold}`),
    ...numbers(decisive),
    outcome: t(`resultCode.${v.outcome}`),
  });
  const { lines, outcome } = describeResult(
    { passed: v.passed, code: v.outcome, checks: v.checks, rule: { kind: 'UNANIMOUS_INTERESTED' } },
    locale,
  );
  return { rule, voters, counts, area, lines, sentence, outcome };
}

export type TMotionWords = ReturnType<typeof describeView>;

/** The structured result of a decided motion row (null while it is open or has no result). */
export function motionResultView(
  m: { result: unknown; tally: unknown; voters: unknown; roster: number[] },
  bodyName: string | null,
): TResultView | null {
  if (!m.result) return null;
  const voters = ((m.voters as { kind?: TVoterGroup } | null)?.kind ?? 'BODY') as TVoterGroup;
  return resultView({
    result: m.result as TResult,
    tally: (m.tally as TStoredTally | null) ?? null,
    voters,
    bodyName,
    roster: m.roster.length,
  });
}

/** The lines of a published text (a notice, a timeline entry): every part of the description in order. */
export function resultText(w: TMotionWords, sep = '\n'): string {
  return [w.rule, w.voters, w.counts, w.area, ...w.lines, w.sentence].filter(Boolean).join(sep);
}

/** The name of the body that voted (null for owners, party members and households). */
export async function bodyNameOf(db: Pick<TTx, 'body'>, bodyId: number | null): Promise<string | null> {
  return bodyId ? ((await db.body.findUnique({ where: { id: bodyId }, select: { name: true } }))?.name ?? null) : null;
}
