import { describe, expect, test } from 'vitest';
import { reminderKey, reminderStage } from '@/domain/notifications/reminders';

const at = (h: number) => new Date(Date.UTC(2026, 11, 10, 0) + h * 3600_000);
const now = at(0);

describe('reminderStage: announced while open, "closing" in its last 24 hours, nothing outside the period', () => {
  test.each([
    ['not started yet', { from: at(1), until: at(100) }, null],
    ['just opened, ends in 10 days', { from: at(0), until: at(240) }, 'opened'],
    ['opened earlier, ends in 25 hours', { from: at(-5), until: at(25) }, 'opened'],
    ['ends in exactly 24 hours', { from: at(-5), until: at(24) }, 'closing'],
    ['ends in 2 hours', { from: at(-5), until: at(2) }, 'closing'],
    ['ends now', { from: at(-5), until: at(0) }, null],
    ['ended', { from: at(-50), until: at(-1) }, null],
    ['no end (closed by hand)', { from: at(-5), until: null }, 'opened'],
  ] as const)('%s → %s', (_, period, stage) => {
    expect(reminderStage(period, now)).toBe(stage);
  });
});

test('reminderKey names the subject, the stage and the row', () => {
  expect([reminderKey('vote', 'closing', 12), reminderKey('notice', 'opened', 3), reminderKey('meeting', 'tomorrow', 7)]).toEqual([
    'vote.closing:12',
    'notice.opened:3',
    'meeting.tomorrow:7',
  ]);
});
