import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../../prisma/seed/index.ts';
import { runEscalationPass } from '@/server/issues/escalation-pass';
import { districtSettings } from '@/server/issues/district-settings';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { byUser } from '../accounts/support';
import { testDb } from '../db';

// Issue 19 items 4 and 5 in the demo, on first start: S2's three reports wait in their topic (no "升级到社区 · 系统（超时升级）"),
// and the lift category (电梯故障) of 双流区 runs around the clock.
describe('the demo on first start', () => {
  test('S2’s issues are in their topic, answered, and the escalation pass leaves them alone; the lift runs 24/7', async () => {
    const db = testDb();
    await seedDemo(db);
    const topic = await db.topic.findFirstOrThrow({ where: { title: '龙躺梁小区停车秩序' } });
    const issues = () => db.issue.findMany({ where: { topicId: topic.id }, orderBy: { id: 'asc' } });
    expect((await issues()).map((i) => [i.state, i.level, i.acknowledgedAt !== null])).toEqual([
      ['IN_TOPIC', 'COMPOUND', true],
      ['IN_TOPIC', 'COMPOUND', true],
      ['IN_TOPIC', 'COMPOUND', true],
    ]);
    await runEscalationPass();
    await runEscalationPass(new Date(Date.now() + 40 * 86_400_000));
    expect((await issues()).map((i) => i.level)).toEqual(['COMPOUND', 'COMPOUND', 'COMPOUND']);
    expect(await db.issueEvent.count({ where: { issueId: { in: (await issues()).map((i) => i.id) }, type: 'ESCALATE' } })).toBe(0);
    // 钱明 reported anonymously: he follows the topic, and it never names him.
    const secretary = await db.user.findUniqueOrThrow({ where: { phone: '13900007001' } });
    expect(JSON.stringify(await getTopicForViewer(await byUser(secretary.id), topic.id))).not.toContain('钱明');

    const oucheng = await db.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
    const lift = (await districtSettings(oucheng.districtId)).categories.find((c) => c.code === 'LIFT');
    expect([lift?.aroundTheClock, lift?.acknowledgeMinutes, lift?.resolveMinutes]).toEqual([true, 30, 240]);
  });
});
