import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 22 item 8(b): 欧城花园's owners elect to the owners' committee by Civil Code art. 278 (heads and area). The
// candidate list's nomination and publicity (E1's half) are set up by SQL; the manager opens the vote in the browser,
// most ballots go in by SQL, one on paper through the form; one candidate has more than half of the owners but not of
// the area, and the result says so in words; published, the winner sits on the committee for the term.
test('owners elect by heads and area; a majority of owners without the area is not elected, and says why', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(90_000);
  const [place] = await query<{ communityId: number; compoundId: number; streetId: number; bodyId: number; userId: number }>(
    `SELECT c."communityId", c.id AS "compoundId", m."streetId", b.id AS "bodyId", u.id AS "userId"
       FROM "Compound" c JOIN "Community" m ON m.id = c."communityId" JOIN "Body" b ON b."compoundId" = c.id AND b.kind = 'OWNERS_COMMITTEE'
       JOIN "User" u ON u.phone = '13900002002' WHERE c.name = '欧城花园'`,
  );
  const p = place!;
  const [notice] = await query<{ id: number }>(
    `INSERT INTO "Notice" (kind, category, title, body, "streetId", "communityId", "compoundId", "publishedAt", "periodDays", "periodEndsAt")
     VALUES ('ANNOUNCEMENT', 'RESIDENTS', '业委会补选候选人名单公示', '候选人名单', $1, $2, $3, now() - interval '8 days', 5, now() - interval '1 day') RETURNING id`,
    [p.streetId, p.communityId, p.compoundId],
  );
  // Two members of the committee leave at the end of this year (a 补选 fills their seats from next year's first day: the
  // committee is otherwise full). Today they still sit: other specs count the committee's 7 members.
  await query(
    `UPDATE "BodyMember" SET "endsOn" = '2026-12-31' WHERE id IN (SELECT id FROM "BodyMember" WHERE "bodyId" = $1 AND "endsOn" IS NULL ORDER BY id DESC LIMIT 2)`,
    [p.bodyId],
  );
  const title = `欧城花园业委会补选 ${Date.now()}`;
  const [election] = await query<{ id: number }>(
    `INSERT INTO "Election" ("communityId", "compoundId", "bodyId", title, seats, "maxChoices", electorate, rule, secret, "nominationEndsAt",
       "publicityDays", "termStartsOn", "termEndsOn", status, "candidateNoticeId", "createdById")
     VALUES ($1, $2, $3, $4, 2, 2, 'OWNERS', 'OWNERS_278', false, now() - interval '10 days', 5, '2027-01-01', '2031-12-31', 'PUBLICISING', $5, $6)
     RETURNING id`,
    [p.communityId, p.compoundId, p.bodyId, title, notice!.id, p.userId],
  );
  const id = election!.id;
  // Three owners listed: A, B, C.
  const owners = await query<{ personId: number; name: string }>(
    `SELECT DISTINCT ON (o."personId") o."personId", pe.name FROM "Ownership" o JOIN "Household" h ON h.id = o."householdId"
       JOIN "Building" b ON b.id = h."buildingId" JOIN "Person" pe ON pe.id = o."personId"
      WHERE b."compoundId" = $1 AND o."isVoter" AND NOT h."developerHeld" ORDER BY o."personId" LIMIT 3`,
    [p.compoundId],
  );
  for (const [i, o] of owners.entries()) {
    await query(
      `INSERT INTO "ElectionCandidate" ("electionId", "personId", kind, "nominatedById", status, "listOrder") VALUES ($1, $2, 'STAFF', $3, 'LISTED', $4)`,
      [id, o.personId, p.userId, i + 1],
    );
  }
  const [a, b] = owners;

  // 周志强, Tanghu's secretary, opens the vote: the roll is frozen (owners with their areas, the developer once).
  await signIn(page, '13900002002');
  await page.goto(`/elections/${id}`);
  await page.getByRole('button', { name: '开始投票（冻结选民名单）' }).click();
  // (The page is drawn again at once: the open button gives way to the desk.)
  await expect(page.getByTestId('election-desk')).toContainText(/业主 \d+ 人，专有部分总面积 [\d.]+ m²/, {
    timeout: 20_000,
  });

  const roll = await query<{ voterKey: number; areaCentiM2: number }>(
    `SELECT "voterKey", "areaCentiM2" FROM "ElectionVoter" WHERE "electionId" = $1 ORDER BY "areaCentiM2" DESC, "voterKey"`,
    [id],
  );
  const ids = await query<{ id: number; personId: number }>(`SELECT id, "personId" FROM "ElectionCandidate" WHERE "electionId" = $1`, [id]);
  const candidate = (personId: number) => ids.find((c) => c.personId === personId)!.id;
  // The paper ballot: the largest owner who is a person. B's supporters: the smallest owners, one more than half of all.
  const paperVoter = roll.find((r) => r.voterKey !== 0)!;
  const smallest = [...roll].reverse().filter((r) => r.voterKey !== 0 && r.voterKey !== paperVoter.voterKey);
  const forB = smallest.slice(0, Math.floor(roll.length / 2) + 1).map((r) => r.voterKey);
  await query(
    `INSERT INTO "ElectionBallot" ("electionId", "voterKey", choices, channel)
     SELECT $1, "voterKey", CASE WHEN "voterKey" = ANY($2::int[]) THEN ARRAY[$3::int, $4::int] ELSE ARRAY[$3::int] END, 'ELECTRONIC'
       FROM "ElectionVoter" WHERE "electionId" = $1 AND "voterKey" <> $5`,
    [id, forB, candidate(a!.personId), candidate(b!.personId), paperVoter.voterKey],
  );
  const [paperName] = await query<{ name: string }>(`SELECT name FROM "Person" WHERE id = $1`, [paperVoter.voterKey]);

  // The last owner's paper ballot, found by name in the list of those who have not voted, marked for A.
  await page.reload();
  await page.getByText('录入纸质选票', { exact: true }).click();
  const paper = page.locator('form').filter({ has: page.getByRole('button', { name: '录入这张选票' }) });
  const option = await paper
    .getByLabel('查找选民（楼栋、单元、房号或姓名）')
    .locator('option', { hasText: paperName!.name })
    .first()
    .textContent();
  await paper.getByLabel('查找选民（楼栋、单元、房号或姓名）').selectOption({ label: option! });
  await paper.getByRole('checkbox', { name: a!.name }).check();
  await paper.getByRole('button', { name: '录入这张选票' }).click();
  await expect(page.getByTestId('election-desk')).toContainText('其中纸质选票 1 张', { timeout: 20_000 });

  // Count: A is elected; B has more than half of the owners but not of the area — in words.
  await page.getByRole('button', { name: '计票', exact: true }).click();
  const result = page.getByTestId('election-result');
  await expect(result).toContainText(/参与表决业主 \d+ 人，业主 \d+ 人，需三分之二以上（至少 \d+ 人），达到/, { timeout: 20_000 });
  await expect(result).toContainText(/参与表决业主专有部分面积 [\d.]+ m²/);
  await expect(page.getByTestId('result-line').filter({ hasText: a!.name })).toContainText('当选');
  await expect(page.getByTestId('result-line').filter({ hasText: b!.name })).toContainText('进入另行选举（面积不足）');
  await expectAccessible(page);

  // Published: a notice on the board, and A sits on the committee for the term.
  await page.getByRole('button', { name: '公告结果并任职' }).click();
  await expect(page.getByRole('button', { name: '公告结果并任职' })).toHaveCount(0);
  await expect
    .poll(async () => (await query<{ status: string }>(`SELECT status::text FROM "Election" WHERE id = $1`, [id]))[0]!.status)
    .toBe('DONE');
  const [done] = await query<{ status: string; resultNoticeId: number | null }>(
    `SELECT status::text, "resultNoticeId" FROM "Election" WHERE id = $1`,
    [id],
  );
  expect(done).toMatchObject({ status: 'DONE' });
  const [n] = await query<{ body: string }>(`SELECT body FROM "Notice" WHERE id = $1`, [done!.resultNoticeId]);
  expect(n!.body).toContain(`${b!.name}：同意`);
  const seat = await query<{ startsOn: string; endsOn: string }>(
    `SELECT to_char("startsOn", 'YYYY-MM-DD') AS "startsOn", to_char("endsOn", 'YYYY-MM-DD') AS "endsOn" FROM "BodyMember" WHERE "bodyId" = $1 AND "personId" = $2 AND "startsOn" = '2027-01-01'`,
    [p.bodyId, a!.personId],
  );
  expect(seat).toEqual([{ startsOn: '2027-01-01', endsOn: '2031-12-31' }]);
});
