import { describe, expect, test } from 'vitest';
import { createVerifiedResident } from '../../factories/accounts';
import { createIssueWithHistory } from '../../factories/issues';
import { world } from '../accounts/support';

// Issue 17, item 5: the demo data's timelines read "提交 · resident" — the factory that writes them (prisma/seed
// uses it) named the reporter with an English code word. A reporter is shown by name, as the app records it.
describe('issues written by the factory (the demo data)', () => {
  test('the submission is recorded under the reporter’s name', async () => {
    const { db, a } = await world();
    const owner = a.owners[0]!;
    const user = await createVerifiedResident(db, {
      personId: owner.id,
      phone: '13977770001',
      password: 'resident-1',
      householdId: a.households[0]!.id,
    });
    const at = new Date();
    const issue = await createIssueWithHistory(db, {
      categoryCode: 'FACILITIES',
      title: '楼道灯不亮',
      description: '二楼楼道灯坏了一周。',
      compoundId: a.compound.id,
      authorUserId: user.id,
      createdAt: at,
      acknowledgeBy: at,
      resolveBy: at,
      steps: [],
    });
    const event = await db.issueEvent.findFirstOrThrow({ where: { issueId: issue.id, type: 'SUBMITTED' } });
    expect(event.actorLabel).toBe(owner.name);
  });
});
