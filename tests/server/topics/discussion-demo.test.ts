import { beforeAll, describe, expect, test } from 'vitest';
import { DISCUSSION_TOPIC, HYBRID_MEETING } from '../../../prisma/seed/discussion.ts';
import { seedDemo } from '../../../prisma/seed/index.ts';
import { attendancePanel } from '@/server/meetings/attendance';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { discussionFor } from '@/server/topics/discussion-read';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { useDemoDatabase } from '../demo-db';

// The demo seeded once for the run and cloned for this file (tests/server/demo-db.ts).
beforeAll(useDemoDatabase, 120_000);

// Issue 20 item 6 in the demo (decision 059): built through the use cases, so it holds what they hold.
describe('线上协商 and a hybrid meeting in the demo', () => {
  test('S2’s parking topic has a thread with an anonymous comment and a reply; the council meets in the room and online', async () => {
    const db = testDb();
    await seedDemo(db);
    const topic = await db.topic.findFirstOrThrow({ where: { title: DISCUSSION_TOPIC } });
    const sunli = await db.user.findUniqueOrThrow({ where: { phone: '13900007002' } });
    const d = (await discussionFor(await byUser(sunli.id), topic.id))!;
    expect(d.comments.map((c) => [c.by, c.replies.map((r) => r.by)])).toEqual([
      ['孙丽', ['周建国']],
      ['匿名居民', []],
    ]);
    expect(d.mayPost).toBe(true);
    const meeting = await db.meeting.findFirstOrThrow({ where: { title: HYBRID_MEETING } });
    expect(meeting).toMatchObject({ mode: 'BOTH', onlineUrl: 'https://meeting.tencent.com/dm/yishi-demo-jinyang' });
    expect(await attendancePanel(meeting.id)).toMatchObject({ present: 5, onSite: 3, online: 2 });
    expect((await getMeetingView(null, meeting.id))?.onlineUrl).toBeNull();
    // Seeding again adds nothing.
    await seedDemo(db);
    expect(await db.topicComment.count({ where: { topicId: topic.id } })).toBe(3);
  });
});
