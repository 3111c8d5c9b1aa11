import { describe, expect, test } from 'vitest';
import { ESCALATION_QUEUE, startJobs } from '@/server/jobs/start-jobs';

describe('background jobs', () => {
  test('start on PostgreSQL with the escalation pass scheduled every five minutes, once however often started', async () => {
    const boss = await startJobs()!;
    await startJobs();
    const schedules = await boss.getSchedules();
    expect(schedules.filter((s) => s.name === ESCALATION_QUEUE).map((s) => s.cron)).toEqual(['*/5 * * * *']);
    // A job sent by hand is taken and completed by the worker.
    const id = await boss.send(ESCALATION_QUEUE, {});
    let state = '';
    for (let i = 0; i < 50 && state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      state = (await boss.getJobById(ESCALATION_QUEUE, id!))?.state ?? '';
    }
    expect(state).toBe('completed');
    await boss.stop({ graceful: false, wait: true });
  });
});
