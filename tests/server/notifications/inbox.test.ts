import { beforeAll, expect, test } from 'vitest';
import { inboxView, openNotification, unreadCount } from '@/server/notifications/inbox';
import { createUser } from '../../factories/accounts';
import { testDb } from '../db';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  const me = await createUser(db, { name: '张桂兰', phone: '13878880001', password: 'x-pass-1234', verified: true });
  const other = await createUser(db, { name: '邻居', phone: '13878880002', password: 'x-pass-1234', verified: true });
  const t0 = Date.now() - 19 * 3600_000;
  // 19 about one topic (as a resident got in issue 20), spread over a day; one about a notice; one about a meeting.
  await db.notification.createMany({
    data: Array.from({ length: 19 }, (_, i) => ({
      userId: me.id,
      at: new Date(t0 + i * 3600_000),
      kind: i % 3 ? 'topic.taskProgress' : 'topic.step',
      topicId: 777,
      title: '北苑小区电动车充电棚',
      body: '',
    })),
  });
  await db.notification.create({ data: { userId: me.id, kind: 'notice.opened', link: '/board/n/3', title: '停车收费公示', body: '' } });
  await db.notification.create({ data: { userId: me.id, kind: 'meeting.invited', link: '/meetings/9', title: '议事会例会', body: '' } });
  await db.notification.create({ data: { userId: other.id, kind: 'meeting.invited', link: '/meetings/9', title: '议事会例会', body: '' } });
  return { db, me, other };
}
beforeAll(async () => {
  w = await setup();
});

test('the unread count is the user’s own', async () => {
  expect([await unreadCount(w.me.id), await unreadCount(w.other.id)]).toEqual([21, 1]);
});

test('19 notifications about one topic are one entry with the count and the latest', async () => {
  const { groups, unread } = await inboxView(w.me.id);
  expect(unread).toBe(21);
  expect(groups.map((g) => [g.key, g.count])).toEqual([
    ['link:/meetings/9', 1],
    ['link:/board/n/3', 1],
    ['topic:777', 19],
  ]);
  expect(groups[2]!.latest.at.getTime()).toBe(Math.max(...groups[2]!.lines.map((l) => l.item.at.getTime())));
});

test('opening an entry marks its whole group read and leads to its subject; another user’s entry is refused, nothing marked', async () => {
  const { groups } = await inboxView(w.me.id);
  const topic = groups.find((g) => g.key === 'topic:777')!;
  const theirs = await w.db.notification.findFirstOrThrow({ where: { userId: w.other.id } });
  expect(await refusal(openNotification(w.me.id, theirs.id))).toBe('auth.forbidden');
  expect(await unreadCount(w.other.id)).toBe(1);
  expect(await openNotification(w.me.id, topic.lines.at(-1)!.item.id)).toBe('/topics/777');
  expect(await unreadCount(w.me.id)).toBe(2);
  const meeting = groups.find((g) => g.key === 'link:/meetings/9')!;
  expect(await openNotification(w.me.id, meeting.latest.id)).toBe('/meetings/9');
  expect(await unreadCount(w.me.id)).toBe(1);
});
