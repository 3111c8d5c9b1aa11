import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { TCheck, TResult } from '@/domain/votes/evaluate';
import zhVotes from '../../../messages/zh-CN/votes.json';
import enVotes from '../../../messages/en/votes.json';

const AREA: TCheck['what'][] = ['turnoutArea', 'decisionArea'];
const m2 = (centi: number) => (centi / 100).toFixed(2);

/**
 * A result in words, one sentence per check: "赞成 25，应到 37，需三分之二以上（至少 25），达到" and the
 * outcome. Notices and the topic page use it; areas are printed in m² with two decimals (exact: they
 * are kept in 0.01 m²).
 */
export function describeResult(r: TResult, locale: 'zh-CN' | 'en' = 'zh-CN'): { lines: string[]; outcome: string } {
  const t = createTranslator({ locale, messages: { votes: locale === 'en' ? enVotes : zhVotes }, namespace: 'votes' });
  const lines = r.checks.map((c) => {
    const area = AREA.includes(c.what);
    return t('checkSentence', {
      what: t(`what.${c.what}`), base: t(`base.${c.base}`), threshold: t(`threshold.${c.threshold}`),
      count: area ? m2(c.count) : String(c.count), denominator: area ? m2(c.denominator) : String(c.denominator), least: area ? m2(c.least) : String(c.least),
      met: String(c.met),
    });
  });
  return { lines, outcome: t(`resultCode.${r.code}`) };
}
