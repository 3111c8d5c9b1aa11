import { beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../../prisma/seed/index.ts';
import { OPEN_DISPUTE, STUDIO } from '../../../prisma/seed/mediation.ts';
import { myCases, readCase } from '@/server/mediation/read';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { useDemoDatabase } from '../demo-db';

// The demo seeded once for the run and cloned for this file (tests/server/demo-db.ts).
beforeAll(useDemoDatabase, 120_000);

// Issue 21 in the demo: built through the use cases, so it holds what they hold.
describe('mediation in the demo', () => {
  test('欧城花园’s pet dispute with the studio and the branch; 金沙’s water leak agreed, signed and kept', async () => {
    const db = testDb();
    await seedDemo(db);
    const cases = await db.mediationCase.findMany({
      orderBy: { id: 'asc' },
      include: { mediators: { include: { organization: true } }, sessions: true, agreements: true, followUps: true, issue: true },
    });
    expect(cases.map((c) => [c.kind, c.status])).toEqual([
      ['PETS', 'OPEN'],
      ['WATER_LEAK', 'CLOSED'],
    ]);
    const [pets, leak] = cases as [(typeof cases)[0], (typeof cases)[0]];
    expect(pets.issue?.state).toBe('IN_MEDIATION');
    expect(pets.mediators.map((m) => [m.source, m.lead, m.organization?.name ?? null])).toEqual([
      ['STUDIO', true, STUDIO],
      ['BRANCH_SECRETARY', false, null],
    ]);
    expect(pets.sessions.map((s) => [s.no, s.status, s.format])).toEqual([
      [1, 'HELD', 'BACK_TO_BACK'],
      [2, 'SCHEDULED', 'FACE_TO_FACE'],
    ]);
    expect(leak.agreements.map((a) => a.status)).toEqual(['KEPT']);
    expect(leak.followUps.map((f) => f.result)).toEqual(['KEPT']);
    // The open 邻里纠纷 issue waits for the tour.
    expect((await db.issue.findFirstOrThrow({ where: { title: OPEN_DISPUTE } })).state).toBe('SUBMITTED');
    // Demo logins see what the README says: the applicant his own case, the branch secretary the one she mediates.
    const as = async (phone: string) => byUser((await db.user.findUniqueOrThrow({ where: { phone } })).id);
    expect((await myCases(await as('13900009502'))).map((c) => c.id)).toEqual([pets.id]);
    expect((await myCases(await as('13900002001'))).map((c) => c.id)).toEqual([pets.id]);
    expect((await myCases(await as('13900009661'))).map((c) => c.id)).toEqual([leak.id]);
    expect(await readCase(await as('13900006003'), leak.id)).toMatchObject({ view: 'party' });
    await seedDemo(db);
    expect(await db.mediationCase.count()).toBe(2);
  });
});
