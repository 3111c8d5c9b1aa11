import { describe, expect, test } from 'vitest';
import { CHANNEL_DEFAULT, effectiveChoices, NOTIFY_GROUPS, smsText } from '@/domain/messages/channels';
import { ZChannels } from '@/features/accounts/schemas';

describe('channel choices (decision 056)', () => {
  test('without a stored choice every group has the defaults: e-mail on, SMS off', () => {
    const c = effectiveChoices([]);
    expect(NOTIFY_GROUPS.every((g) => c[g].EMAIL === true && c[g].SMS === false)).toBe(true);
    expect(CHANNEL_DEFAULT).toEqual({ EMAIL: true, SMS: false });
  });

  test.each([
    [[{ group: 'VOTES', channel: 'SMS', enabled: true }], 'VOTES', { EMAIL: true, SMS: true }],
    [[{ group: 'VOTES', channel: 'EMAIL', enabled: false }], 'VOTES', { EMAIL: false, SMS: false }],
    [[{ group: 'VOTES', channel: 'SMS', enabled: true }], 'MEETINGS', { EMAIL: true, SMS: false }],
  ] as const)('stored %j: %s is %j', (stored, group, expected) => {
    expect(effectiveChoices([...stored])[group]).toEqual(expected);
  });

  test('the form: a ticked box is on, a missing one off, whatever else the form carries', () => {
    const parsed = ZChannels.parse({ 'MEETINGS.SMS': 'on', 'NOTICES.EMAIL': 'on', digest: 'on', idempotencyKey: 'k' });
    expect(parsed.digest).toBe(true);
    expect(parsed.choices.MEETINGS).toEqual({ EMAIL: false, SMS: true });
    expect(parsed.choices.NOTICES).toEqual({ EMAIL: true, SMS: false });
    expect(parsed.choices.ACCOUNT).toEqual({ EMAIL: false, SMS: false });
    expect(ZChannels.parse({}).digest).toBe(false);
  });

  test.each([
    ['短标题', '短标题'],
    ['一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['一二三四五六七八九十一二三四五六七八九十多', '一二三四五六七八九十一二三四五六七八九…'],
    ['  换行\n和  空格 ', '换行 和 空格'],
  ])('an SMS parameter %j reads %j', (input, out) => {
    expect(smsText(input)).toBe(out);
  });
});
