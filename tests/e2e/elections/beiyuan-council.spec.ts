import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 22 item 8(a): 北苑小区 elects its 5-member courtyard council. 刘建华 (晋阳社区 secretary) opens the election in the
// browser, 张桂兰 nominates herself there, four more candidates come from paper (SQL), the list goes on the board, its
// publicity is moved to the past (SQL), voting opens, 张桂兰 votes on her phone with the confirmation step, the other
// households' ballots go in by SQL, the secretary counts and publishes, and the council's members are the five winners.
const chinaLocal = (minutes: number) => new Date(Date.now() + 8 * 3600_000 + minutes * 60_000).toISOString().slice(0, 16);

async function pageAs(browser: Browser, info: TestInfo, phone: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, phone);
  return page;
}

test('北苑 elects its courtyard council: nominated, listed, voted, counted, seated', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(120_000);
  const title = `北苑院落议事会换届 ${Date.now()}`;

  // The secretary opens the election: nothing that decides who votes or wins is preselected.
  const liu = await pageAs(browser, info, '13900001001');
  await liu.goto('/elections/new');
  await liu.getByLabel('选举名称 *').fill(title);
  await liu.getByLabel('小区（不选则为整个社区）').selectOption({ label: '北苑小区' });
  await liu.getByLabel('选举哪个组织的成员').selectOption({ label: '北苑院落议事会' });
  await liu.getByLabel('应选名额 *').fill('5');
  await liu.getByLabel('由谁选举（选民范围）*').selectOption('HOUSEHOLDS');
  await liu.getByLabel('当选规则 *').selectOption('PLURALITY');
  await liu.getByLabel('投票方式 *').selectOption('OPEN');
  await liu.getByLabel('居民联名推荐需要的附议人数 *').fill('0');
  await liu.getByLabel('提名截止时间（北京时间）*').fill(chinaLocal(60));
  await liu.getByLabel('候选人名单公示天数 *').fill('1');
  await liu.getByLabel('任期开始日期 *').fill('2027-01-01');
  await liu.getByLabel('任期结束日期 *').fill('2029-12-31');
  await liu.getByRole('button', { name: '发起选举' }).click();
  await liu.getByRole('link', { name: '打开这场选举' }).click();
  await expect(liu).toHaveURL(/\/elections\/\d+$/);
  const id = Number(liu.url().split('/').pop());

  // 张桂兰 nominates herself.
  const zhang = await pageAs(browser, info, '13900001002');
  await zhang.goto(`/elections/${id}`);
  await zhang.getByTestId('nominations').getByText('自荐', { exact: true }).click();
  await zhang.getByRole('button', { name: '我要自荐' }).click();
  await expect(zhang.getByTestId('candidates')).toContainText('张桂兰');

  // Five more from paper (SQL): other owners of 北苑 who live there.
  const [e] = await query<{ compoundId: number; bodyId: number; createdById: number; streetId: number; communityId: number }>(
    `SELECT e."compoundId", e."bodyId", e."createdById", m."streetId", e."communityId" FROM "Election" e JOIN "Community" m ON m.id = e."communityId" WHERE e.id = $1`,
    [id],
  );
  const others = await query<{ personId: number; name: string }>(
    `SELECT DISTINCT ON (r."personId") r."personId", p.name FROM "Residency" r JOIN "Household" h ON h.id = r."householdId"
       JOIN "Building" b ON b.id = h."buildingId" JOIN "Person" p ON p.id = r."personId"
      WHERE b."compoundId" = $1 AND r."isRepresentative" AND p.name <> '张桂兰'
        AND NOT EXISTS (SELECT 1 FROM "ElectionCandidate" c WHERE c."electionId" = $2 AND c."personId" = r."personId")
      ORDER BY r."personId" LIMIT 5`,
    [e!.compoundId, id],
  );
  for (const o of others) {
    await query(
      `INSERT INTO "ElectionCandidate" ("electionId", "personId", kind, "nominatedById", status) VALUES ($1, $2, 'STAFF', $3, 'LISTED')`,
      [id, o.personId, e!.createdById],
    );
  }
  // Nominations close (SQL: an hour is not waited for); the secretary publishes the list on the board.
  await query(`UPDATE "Election" SET "nominationEndsAt" = now() - interval '1 minute' WHERE id = $1`, [id]);
  await liu.reload();
  await liu.getByRole('button', { name: '公示候选人名单' }).click();
  await expect
    .poll(async () => (await query<{ n: number | null }>(`SELECT "candidateNoticeId" AS n FROM "Election" WHERE id = $1`, [id]))[0]!.n)
    .not.toBeNull();
  const [listed] = await query<{ title: string }>(
    `SELECT n.title FROM "Election" e JOIN "Notice" n ON n.id = e."candidateNoticeId" WHERE e.id = $1`,
    [id],
  );
  await liu.goto('/board/c/510107009003');
  await expect(liu.getByText(listed!.title).first()).toBeVisible();

  // The day on the board has passed (SQL: the list's notice is immutable, so a past one stands in for it).
  const [past] = await query<{ id: number }>(
    `INSERT INTO "Notice" (kind, category, title, body, "streetId", "communityId", "compoundId", "publishedAt", "periodDays", "periodEndsAt")
     VALUES ('ANNOUNCEMENT', 'RESIDENTS', $1, '候选人名单', $2, $3, $4, now() - interval '3 days', 1, now() - interval '1 day') RETURNING id`,
    [listed!.title, e!.streetId, e!.communityId, e!.compoundId],
  );
  await query(`UPDATE "Election" SET "candidateNoticeId" = $2 WHERE id = $1`, [id, past!.id]);
  await liu.goto(`/elections/${id}`);
  await liu.getByRole('button', { name: '开始投票（冻结选民名单）' }).click();
  await expect(liu.getByTestId('election-desk')).toContainText(/选民 \d+ 人/);

  // 张桂兰 votes on her phone: five names, checked once more, cast.
  const candidates = await query<{ id: number; name: string }>(
    `SELECT c.id, p.name FROM "ElectionCandidate" c JOIN "Person" p ON p.id = c."personId" WHERE c."electionId" = $1 AND c.status = 'LISTED' ORDER BY c.id`,
    [id],
  );
  const winners = candidates.slice(0, 5);
  await zhang.goto(`/elections/${id}`);
  await expect(zhang.getByText('最多选 5 人（可以少选；一个都不选是弃权票，也算参加投票）。')).toBeVisible();
  for (const c of winners) await zhang.getByRole('checkbox', { name: c.name }).check();
  await expectNoHorizontalScroll(zhang);
  await zhang.getByRole('button', { name: '下一步：确认选票' }).click();
  await expect(zhang.getByTestId('ballot-confirm')).toContainText(winners[0]!.name);
  await zhang.getByRole('button', { name: '确认投票' }).click();
  await expect(zhang.getByTestId('voted')).toContainText('您已投票');

  // The other households (SQL, open ballots): most for the same five.
  const ids = winners.map((c) => c.id);
  await query(
    `INSERT INTO "ElectionBallot" ("electionId", "voterKey", choices, channel)
     SELECT $1, "voterKey", $2::int[], 'ELECTRONIC' FROM "ElectionVoter" v
      WHERE "electionId" = $1 AND NOT EXISTS (SELECT 1 FROM "ElectionBallot" b WHERE b."electionId" = $1 AND b."voterKey" = v."voterKey")`,
    [id, ids],
  );

  // Counted and published: the five sit on the council for the term; the last term's members end the day before.
  await liu.reload();
  await liu.getByRole('button', { name: '计票', exact: true }).click();
  await expect(liu.getByTestId('election-result')).toContainText('应选 5 名，全部选出。');
  await liu.getByRole('button', { name: '公告结果并任职' }).click();
  await expect
    .poll(async () => (await query<{ status: string }>(`SELECT status::text FROM "Election" WHERE id = $1`, [id]))[0]!.status)
    .toBe('DONE');
  const members = await query<{ personId: number; endsOn: string }>(
    `SELECT "personId", to_char("endsOn", 'YYYY-MM-DD') AS "endsOn" FROM "BodyMember" WHERE "bodyId" = $1 AND "startsOn" = '2027-01-01'`,
    [e!.bodyId],
  );
  const [zhangId] = await query<{ id: number }>(`SELECT "personId" AS id FROM "User" WHERE phone = '13900001002'`);
  expect(members.map((m) => m.personId).sort()).toEqual(
    (await query<{ personId: number }>(`SELECT "personId" FROM "ElectionCandidate" WHERE id = ANY($1::int[])`, [ids]))
      .map((c) => c.personId)
      .sort(),
  );
  expect(members.every((m) => m.endsOn === '2029-12-31')).toBe(true);
  expect(members.map((m) => m.personId)).toContain(zhangId!.id);
  const stillOn = await query(
    `SELECT 1 FROM "BodyMember" WHERE "bodyId" = $1 AND "startsOn" < '2027-01-01' AND ("endsOn" IS NULL OR "endsOn" > '2026-12-31')`,
    [e!.bodyId],
  );
  expect(stillOn).toEqual([]);
});
