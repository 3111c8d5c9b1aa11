import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { ZSaveCategory } from '@/features/issue-settings/schemas';
import { ZDeskAccount } from '@/features/admin/schemas';
import { ZClaim, ZRegister } from '@/features/accounts/schemas';
import { ZIssueEvent, ZRaiseIssue, ZRaiseIssueFor } from '@/features/issues/schemas';
import { ZApproval, ZChooseBid } from '@/features/topics/schemas';

// Issue 17, item 5: the message under a field says what is wrong with THAT field. "处理完毕" without a note said
// "请写明不通过的原因", a negative time limit said "纪要至少写 5 个字".
const zh = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'messages', 'zh-CN', 'errors.json'), 'utf8'));
const words = (key: string) => key.split('.').reduce((at, k) => at?.[k], zh) as string | undefined;

function said(schema: z.ZodType, input: Record<string, unknown>, field: string): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('accepted');
  const issue = r.error.issues.find((i) => i.path[0] === field)!;
  return words(issue.message) ?? issue.message;
}

const category = { categoryId: 1, districtId: 1, nameZh: '电梯', nameEn: 'Lifts', handlerRole: 'GRID_WORKER', resolveWorkingDays: 5 };

describe('a form message names what went wrong', () => {
  test.each([
    ['处理完毕 without a note', ZIssueEvent, { type: 'RESOLVE', issueId: 1, message: ' ' }, 'message', '请写明处理结果'],
    ['未解决办结 without a reason', ZIssueEvent, { type: 'CLOSE_UNFIXED', issueId: 1, reason: '' }, 'reason', '请写明没能解决的原因'],
    ['上报 without a reason', ZIssueEvent, { type: 'ESCALATE', issueId: 1, reason: '' }, 'reason', '请写明上报的原因'],
    ['重新办理 without a reason', ZIssueEvent, { type: 'REOPEN', issueId: 1, reason: '' }, 'reason', '请写明重新办理的原因'],
    [
      'a negative acknowledgement limit',
      ZSaveCategory,
      { ...category, acknowledgeMinutes: -5, remindBeforeMinutes: 60 },
      'acknowledgeMinutes',
      '分钟',
    ],
    ['an approval without a comment', ZApproval, { topicId: 1, decision: 'approve', comment: '' }, 'comment', '请写下审核意见'],
    ['a chosen bid without a reason', ZChooseBid, { topicId: 1, bidId: 1, reason: '' }, 'reason', '请写明选定的理由'],
    // Issue 20, item 8: nothing is chosen for the resident; leaving a choice empty is refused naming it.
    ['an issue without a category', ZRaiseIssue, { categoryId: '', compoundId: 1 }, 'categoryId', '请选择问题类别'],
    [
      'an issue raised for a household without a category',
      ZRaiseIssueFor,
      { householdId: 1, categoryId: '' },
      'categoryId',
      '请选择问题类别',
    ],
    ['a rating without a choice', ZIssueEvent, { type: 'RATE', issueId: 1, rating: '' }, 'rating', '请选择对处理结果是否满意'],
    ['a claim without a relation', ZClaim, { code: 'ABCD-2345' }, 'relation', '请选择与这户房屋的关系'],
    ['a registration without a compound', ZRegister, { compoundId: '' }, 'compoundId', '请选择您住的小区'],
    ['a desk account without a relation', ZDeskAccount, { relation: '' }, 'relation', '请选择与这户房屋的关系'],
  ] as const)('%s', (_, schema, input, field, expected) => {
    const message = said(schema as z.ZodType, input, field);
    expect(message).toContain(expected);
    expect(message).not.toMatch(/不通过|纪要/);
  });
});
