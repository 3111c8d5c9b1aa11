import { beforeAll, describe, expect, test } from 'vitest';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue } from '@/server/issues/raise-issue';
import { getIssueForViewer, listMyIssues } from '@/server/issues/read-issues';
import { createVerifiedResident } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  await ensureIssueCategories(base.db);
  const category = await base.db.issueCategory.findFirstOrThrow({ where: { code: 'ENVIRONMENT', districtId: null } });
  const owner = base.a.owners[0]!;
  await base.db.person.update({ where: { id: owner.id }, data: { phone: '13811112222' } });
  const resident = await createVerifiedResident(base.db, {
    personId: owner.id,
    phone: '13811112222',
    password: 'x-pass-1234',
    householdId: base.a.households[0]!.id,
  });
  return { ...base, category, resident };
}
beforeAll(async () => {
  w = await setup();
});
const issue = (key: string, extra: Partial<Parameters<typeof raiseIssue>[1]> = {}) => ({
  categoryId: w.category.id,
  title: '垃圾站没人清运',
  description: '三天没有清运，味道很大',
  compoundId: w.a.compound.id,
  anonymous: false,
  idempotencyKey: key,
  ...extra,
});

describe('staff enter an issue for a resident (reception day, door-to-door visit)', () => {
  test('a resident without an account: name and number kept for the call-back, shown to staff only', async () => {
    const { db, staff } = w;
    const grid = await byUser(staff.gridWorker.id, '网格员');
    const { id } = await raiseIssue(grid, issue('walk-in-1', { onBehalfOf: { name: '赵大爷', phone: '13755556666' } }));
    const row = await db.issue.findUniqueOrThrow({ where: { id } });
    expect([row.channel, row.authorUserId, row.enteredById, row.reporterName, row.reporterPhone]).toEqual([
      'STAFF_ENTRY',
      null,
      staff.gridWorker.id,
      '赵大爷',
      '13755556666',
    ]);
    const seen = await getIssueForViewer(await byUser(staff.jinyangSecretary.id), id);
    expect(seen?.author).toEqual({ name: '赵大爷', phone: '13755556666' });
    expect(seen?.events[0]?.actor).toBe('网格员（代赵大爷登记）');
    // The key stops a double tap at the desk too.
    expect(await raiseIssue(grid, issue('walk-in-1', { onBehalfOf: { name: '赵大爷', phone: '13755556666' } }))).toEqual({ id });
  });

  test('a resident with an account becomes the author: it is in their “my issues”', async () => {
    const { db, staff, resident } = w;
    const { id } = await raiseIssue(
      await byUser(staff.gridWorker.id, '网格员'),
      issue('walk-in-2', { onBehalfOf: { name: '业主', phone: '13811112222' } }),
    );
    const row = await db.issue.findUniqueOrThrow({ where: { id } });
    expect([row.authorUserId, row.reporterName, row.reporterPhone]).toEqual([resident.id, null, null]);
    expect((await listMyIssues(resident.id)).map((i) => i.id)).toContain(id);
  });

  test('anonymous at the desk: nothing about the resident is stored', async () => {
    const { db, staff } = w;
    const { id } = await raiseIssue(
      await byUser(staff.gridWorker.id, '网格员'),
      issue('walk-in-3', { anonymous: true, onBehalfOf: { name: '钱阿姨', phone: '13766667777' } }),
    );
    const row = await db.issue.findUniqueOrThrow({ where: { id } });
    expect([row.authorUserId, row.reporterName, row.reporterPhone, row.anonymous]).toEqual([null, null, null, true]);
    const everything = JSON.stringify(
      [
        row,
        await db.issueEvent.findMany({ where: { issueId: id } }),
        await db.auditLog.findMany({ where: { entityType: 'Issue', entityId: String(id) } }),
        await db.notification.findMany({ where: { issueId: id } }),
      ],
      (_, v) => (typeof v === 'bigint' ? String(v) : v),
    );
    expect([everything.includes('钱阿姨'), everything.includes('13766667777')]).toEqual([false, false]);
  });

  test('only staff who handle issues there may enter one for someone else', async () => {
    const { db, staff, resident, b } = w;
    const before = await db.issue.count();
    expect(
      await refusal(raiseIssue(await byUser(resident.id), issue('walk-in-4', { onBehalfOf: { name: '邻居', phone: '13700001111' } }))),
    ).toBe('auth.forbidden');
    expect(
      await refusal(
        raiseIssue(await byUser(staff.dongshengStreet.id), issue('walk-in-5', { onBehalfOf: { name: '邻居', phone: '13700001111' } })),
      ),
    ).toBe('auth.forbidden');
    expect(
      await refusal(
        raiseIssue(
          await byUser(staff.gridWorker.id),
          issue('walk-in-6', { compoundId: b.compound.id, onBehalfOf: { name: '邻居', phone: '13700001111' } }),
        ),
      ),
    ).toBe('auth.forbidden');
    expect(await db.issue.count()).toBe(before);
  });
});
