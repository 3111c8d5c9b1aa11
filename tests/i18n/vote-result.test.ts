import { describe, expect, test } from 'vitest';
import { TWO_THIRDS } from '@/domain/votes/arithmetic';
import { evaluateBody } from '@/domain/votes/evaluate';
import { resultView } from '@/domain/votes/result-view';
import { describeView } from '@/server/votes/describe';

const exactlyTwoThirds = resultView({
  result: evaluateBody({ kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS }, { roster: 36, present: 36, for: 24 }),
  tally: { present: 36, for: 24, against: 2, abstain: 10 },
  voters: 'BODY',
  bodyName: '晋阳社区议事会',
  roster: 36,
});
const committee = (jurisdiction: 'NATIONAL' | 'BEIJING_SHANGHAI') =>
  resultView({
    result: evaluateBody({ kind: 'OWNERS_COMMITTEE', jurisdiction }, { roster: 6, present: 5, for: 3 }),
    tally: { present: 5, for: 3, against: 2, abstain: 0 },
    voters: 'BODY',
    bodyName: '北苑业委会',
    roster: 6,
  });

describe('a result in words, per locale, with every count and no percentage', () => {
  test.each([
    [
      'zh-CN',
      exactlyTwoThirds,
      {
        rule: '规则：全体成员三分之二以上同意',
        voters: '表决机构：晋阳社区议事会，应到 36 人',
        counts: '赞成 24，反对 2，弃权 10，未投票 0；出席 36，缺席 0',
        sentence: '赞成 24（24/36），应到 36，需三分之二以上（至少 24），通过',
      },
    ],
    [
      'en',
      exactlyTwoThirds,
      {
        rule: 'Rule: two thirds or more of all members',
        voters: 'Voted by: 晋阳社区议事会, 36 on the roster',
        counts: 'For 24, against 2, abstain 10, not voted 0; present 36, absent 0',
        sentence: 'For 24 (24/36), on the roster 36, needs two thirds or more (at least 24): passed',
      },
    ],
    [
      'zh-CN',
      committee('BEIJING_SHANGHAI'),
      {
        rule: '规则：过半数委员出席，全体委员过半数同意（北京、上海）',
        sentence: '赞成 3（3/6），全体成员 6，需过半数（至少 4），未通过',
      },
    ],
    [
      'en',
      committee('NATIONAL'),
      {
        rule: 'Rule: more than half of members attend; half or more of all members agree',
        sentence: 'For 3 (3/6), all members 6, needs half or more (at least 3): passed',
      },
    ],
  ] as const)('%s', (locale, view, expected) => {
    const words = describeView(view, locale);
    expect(words).toMatchObject(expected);
    expect(JSON.stringify(words)).not.toMatch(/%|66\.6/);
  });
});
