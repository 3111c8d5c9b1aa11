import { describe, expect, test } from 'vitest';
import { onlineLink, presentSplit } from '@/domain/meetings/online';

describe('an online or hybrid meeting’s link', () => {
  test.each([
    ['IN_PERSON', 'https://meeting.tencent.com/dm/abc', { ok: true, url: null }],
    ['IN_PERSON', undefined, { ok: true, url: null }],
    ['ONLINE', 'https://meeting.tencent.com/dm/abc', { ok: true, url: 'https://meeting.tencent.com/dm/abc' }],
    ['BOTH', ' https://meeting.tencent.com/dm/abc ', { ok: true, url: 'https://meeting.tencent.com/dm/abc' }],
    ['BOTH', '', { ok: false, code: 'meeting.onlineUrlNeeded' }],
    ['ONLINE', undefined, { ok: false, code: 'meeting.onlineUrlNeeded' }],
    ['BOTH', 'http://meeting.tencent.com/dm/abc', { ok: false, code: 'meeting.onlineUrlHttps' }],
    ['BOTH', 'javascript:alert(1)', { ok: false, code: 'meeting.onlineUrlHttps' }],
    ['BOTH', '腾讯会议 123 456 789', { ok: false, code: 'meeting.onlineUrlHttps' }],
    ['BOTH', `https://a.cn/${'x'.repeat(500)}`, { ok: false, code: 'meeting.onlineUrlHttps' }],
  ] as const)('%s %s', (mode, url, expected) => {
    expect(onlineLink(mode, url)).toEqual(expected);
  });
});

describe('实到 in the room and online', () => {
  test.each([
    [[], { onSite: 0, online: 0 }],
    [[{ online: false }, { online: true }, { online: false }], { onSite: 2, online: 1 }],
    [[{ online: true }], { onSite: 0, online: 1 }],
  ])('%#', (rows, expected) => {
    expect(presentSplit(rows)).toEqual(expected);
  });
});
