import { describe, expect, test } from 'vitest';
import { renderEmail } from '@/server/mail/outbox';

// Issue 17, item 5: an e-mail says in words what its notification's body holds as a code (the deadline that is
// near, the level an issue went up to, the step a topic reached) — never `acknowledge`, `COMMUNITY` or `plan`.
const mail = (kind: string, body: string) =>
  renderEmail({ kind, title: '3 号楼电梯停运', body, issueId: 7, topicId: kind.startsWith('topic') ? 9 : null }, 'https://yishi.example')
    .text;

describe('e-mail bodies in words', () => {
  test.each([
    ['issue.reminder', 'acknowledge', '受理时限快到了'],
    ['issue.reminder', 'resolve', '办结时限快到了'],
    ['issue.escalate', 'COMMUNITY', '升级到社区'],
    ['topic.step', 'plan', '出方案'],
    ['topic.step', 'residentsMeeting', '居民会议表决'],
  ])('%s with %s says %s', (kind, body, words) => {
    const text = mail(kind, body);
    expect(text).toContain(words);
    expect(text).not.toMatch(new RegExp(`^${body}$`, 'm'));
  });

  test('a body that is already words stays as written', () => {
    expect(mail('issue.resolve', '已更换电梯控制板')).toContain('已更换电梯控制板');
  });
});
