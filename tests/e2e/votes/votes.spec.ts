import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

async function phone(browser: Browser, info: TestInfo, who: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, who);
  return page;
}

// Issue 7's "done when", S1: the 37-member council votes on phones; 25 for passes (two thirds of all).
test('S1: council members vote on their phones; 25 of 37 passes, explained in words; the tally rechecks', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const [motion] = await query<{ id: number }>(
    `SELECT m.id FROM "Motion" m JOIN "Topic" t ON t.id = m."topicId" WHERE t.title = '北苑小区电动车充电棚'`,
  );
  // Twenty-four members have voted for already (from their phones); 张桂兰 is the 25th.
  await query(
    `INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel)
    SELECT $1, v."voterKey", 'FOR', 'ELECTRONIC' FROM "MotionVoter" v
     WHERE v."motionId" = $1 AND v."voterKey" <> (SELECT "personId" FROM "User" WHERE phone = '13900001002')
     ORDER BY v."voterKey" LIMIT 24`,
    [motion!.id],
  );
  const zhang = await phone(browser, info, '13900001002');
  await zhang.goto(`/motions/${motion!.id}`);
  await expect(zhang.getByTestId('progress')).toContainText('已投票 24 人，应到 37 人');
  await expectNoHorizontalScroll(zhang);
  await expectAccessible(zhang);
  await zhang.getByRole('button', { name: '赞成' }).click();
  await expect(zhang.getByTestId('receipt')).toContainText('已计入：赞成');
  await expect(zhang.getByRole('button', { name: '反对' })).toHaveCount(0);

  const sec = await phone(browser, info, '13900001001');
  await sec.goto(`/motions/${motion!.id}`);
  // 25 of 37 have voted and the meeting's vote has no end time: closing now is early, with a reason.
  await sec.getByLabel('提前结束的理由').fill('会议表决结束，未到会委员不再等候');
  await sec.getByLabel('我确认提前结束表决，此后不再接受任何选票').check();
  await sec.getByRole('button', { name: '结束表决并计票' }).click();
  await expect(sec.getByTestId('result')).toContainText('赞成 25，应到 37，需三分之二以上（至少 25），达到');
  await expect(sec.getByTestId('motion-status')).toHaveText('已结束：通过');
  await sec.getByRole('button', { name: '重新计算核对' }).click();
  await expect(sec.getByText('重新计算结果一致，校验码相同。')).toBeVisible();
  // A ballot after close is refused: the page no longer offers one, and a forged one changes nothing.
  const before = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Ballot" WHERE "motionId" = $1`, [motion!.id]))[0]!.n;
  expect(before).toBe(25);
  await expectAccessible(sec);
});

// S5: the maintenance-fund written consultation, with areas and heads.
test('S5: a written consultation of the owners — paper ballots entered, turnout by heads and area, the double threshold in words', async ({
  browser,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const [motion] = await query<{ id: number }>(
    `SELECT m.id FROM "Motion" m JOIN "Topic" t ON t.id = m."topicId" WHERE t.title = '使用维修资金更换 3 栋电梯'`,
  );
  const wang = await phone(browser, info, '13900002001'); // 王秀英, branch secretary and owners' committee chair
  await wang.goto(`/motions/${motion!.id}`);
  await expect(wang.getByTestId('progress')).toContainText(/参与表决：人数 0\/\d+（至少 \d+），面积 0.00\/[\d.]+ 平方米/);
  await expect(wang.getByTestId('voting-from')).toContainText('表决开始');
  // The developer's unsold units vote once, with their whole area, on a paper ballot.
  await wang.getByLabel('投票人').selectOption('0');
  await wang.getByLabel('意见', { exact: true }).selectOption({ label: '赞成' });
  await wang.getByRole('button', { name: '录入纸质选票' }).click();
  await expect(wang.getByText('已录入纸质选票。')).toBeVisible();
  // Most owners returned paper ballots (entered earlier), for, against and abstain.
  await query(
    `INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel)
    SELECT $1, v."voterKey", CASE WHEN row_number() OVER (ORDER BY v."voterKey") % 10 = 0 THEN 'AGAINST'::"BallotChoice" WHEN row_number() OVER (ORDER BY v."voterKey") % 10 = 1 THEN 'ABSTAIN'::"BallotChoice" ELSE 'FOR'::"BallotChoice" END, 'PAPER'
      FROM "MotionVoter" v WHERE v."motionId" = $1 AND v."voterKey" <> 0 ORDER BY v."voterKey" LIMIT 100`,
    [motion!.id],
  );
  await wang.reload();
  // Fractions with the least count, never a rounded percentage.
  await expect(wang.getByTestId('progress')).toContainText(/人数 \d+\/\d+（至少 \d+），面积 [\d.]+\/[\d.]+ 平方米（至少 [\d.]+）/);
  await expectAccessible(wang);
  // A written consultation runs to its 15-day end: closing it now is refused while owners have not voted.
  await wang.getByLabel('提前结束的理由').fill('提前结束试试看');
  await wang.getByLabel('我确认提前结束表决，此后不再接受任何选票').check();
  await wang.getByRole('button', { name: '结束表决并计票' }).click();
  await expect(wang.getByText(/书面征求意见须进行到截止时间/)).toBeVisible();
  // The last owners return their ballots (abstaining); with every owner counted it may close early, with a reason.
  await query(
    `INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel)
    SELECT $1, v."voterKey", 'ABSTAIN', 'PAPER' FROM "MotionVoter" v
    WHERE v."motionId" = $1 AND NOT EXISTS (SELECT 1 FROM "Ballot" b WHERE b."motionId" = $1 AND b."voterKey" = v."voterKey")`,
    [motion!.id],
  );
  await wang.reload();
  await wang.getByLabel('提前结束的理由').fill('全体业主均已交回表决票');
  await wang.getByLabel('我确认提前结束表决，此后不再接受任何选票').check();
  await wang.getByRole('button', { name: '结束表决并计票' }).click();
  const result = wang.getByTestId('result');
  await expect(result).toContainText('参与表决人数');
  await expect(result).toContainText('参与表决面积（平方米）');
  await expect(result).toContainText('赞成人数');
  await expect(result).toContainText('赞成面积（平方米）');
  await expect(wang.getByTestId('motion-status')).toHaveText('已结束：通过');
  await expect(wang.getByText('提前结束表决，理由：全体业主均已交回表决票')).toBeVisible();
  await expectNoHorizontalScroll(wang);
});
