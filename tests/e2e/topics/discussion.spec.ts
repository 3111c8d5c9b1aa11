import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 20 item 6 (decision 059): 线上协商 on S2's parking topic at 龙躺梁 — 钱明 posts anonymously, 孙丽 reads 匿名居民,
// the secretary 赵桂芳 hides it with a reason 钱明 then reads, and summarises the step's thread into its record. Then the
// hybrid council meeting of 晋阳社区 shows those in the room and those online apart.
const TOPIC = '龙躺梁小区停车秩序';
const SAID = '夜里 11 点后外来车辆还是很多，希望门岗登记。';

async function phone(browser: Browser, info: TestInfo, who: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, who);
  return page;
}

test('an anonymous comment reads 匿名居民, staff hide it with a reason, the summary lands in the step’s record', async ({
  browser,
}, info) => {
  test.setTimeout(90_000);
  test.skip(info.project.name !== 'phone', 'writes data');
  const [row] = await query<{ id: number }>('SELECT id FROM "Topic" WHERE title = $1', [TOPIC]);
  const url = `/topics/${row!.id}`;

  const qian = await phone(browser, info, '13900007003');
  await qian.goto(url);
  const form = qian.getByTestId('discussion-new');
  await form.getByLabel('说说您的看法').fill(SAID);
  await form.getByLabel(/匿名发言/).check();
  await form.getByRole('button', { name: '发言', exact: true }).click();
  const mine = qian.getByTestId(/^comment-/).filter({ hasText: SAID });
  await expect(mine.getByTestId('comment-author')).toHaveText('匿名居民（我）');
  await expectNoHorizontalScroll(qian);

  const sun = await phone(browser, info, '13900007002');
  await sun.goto(url);
  const seen = sun.getByTestId(/^comment-/).filter({ hasText: SAID });
  await expect(seen.getByTestId('comment-author')).toHaveText('匿名居民');
  await expect(sun.getByTestId('discussion-new')).toBeVisible();

  const sec = await phone(browser, info, '13900007001');
  await sec.goto(url);
  const target = sec.getByTestId(/^comment-/).filter({ hasText: SAID });
  await expect(target.getByTestId('comment-author')).toHaveText('匿名居民');
  await target.getByText('隐藏这条发言').click();
  await target.getByLabel('隐藏原因（发言人会看到）').fill('与本议题无关的内容请另行反映');
  await target.getByRole('button', { name: '隐藏', exact: true }).click();
  await expect(target.getByTestId('comment-hidden')).toHaveText('已隐藏，原因：与本议题无关的内容请另行反映');

  // The author reads why; another resident sees only that it was hidden.
  await qian.reload();
  await expect(mine.getByTestId('comment-hidden')).toHaveText('已隐藏，原因：与本议题无关的内容请另行反映');
  await sun.reload();
  await expect(sun.getByText(SAID)).toHaveCount(0);
  await expect(sun.getByTestId('comment-hidden').first()).toHaveText('这条发言已被隐藏。');

  const summary = sec.getByTestId('discussion-summary');
  await summary.getByText('写协商小结').click();
  await summary.getByLabel(/^小结/).fill('多数居民支持划线编号和夜间限制外来车辆，3 号楼后空地列为二期。');
  await summary.getByRole('button', { name: '写入步骤记录' }).click();
  const record = sec.getByTestId(/^record-/).filter({ hasText: '线上协商共' });
  await expect(record).toContainText(/线上协商共 \d+ 条发言（回复 \d+ 条）：实名 \d+ 人发言 \d+ 条，匿名发言 \d+ 条；另有 1 条被隐藏。/);
  await expect(record).toContainText('3 号楼后空地列为二期');
  await sun.reload();
  await expect(sun.getByTestId('discussion-new')).toHaveCount(0);
  await expect(sun.getByText('本步骤的线上协商已经小结或结束，不再接受发言。')).toBeVisible();
});

test('a hybrid meeting: the link for invitees, 现场 and 线上 counted apart', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'one project is enough');
  const [m] = await query<{ id: number }>('SELECT id FROM "Meeting" WHERE title = $1', ['晋阳社区议事会（线上线下）']);
  const sec = await phone(browser, info, '13900001001');
  await sec.goto(`/meetings/${m!.id}`);
  await expect(sec.getByTestId('online-link')).toContainText('https://meeting.tencent.com/dm/yishi-demo-jinyang');
  await expect(sec.getByTestId('on-site')).toHaveText('3');
  await expect(sec.getByTestId('online')).toHaveText('2');
  await expect(sec.getByTestId('present')).toHaveText('5');
  const visitor = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await visitor.goto(`/meetings/${m!.id}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('晋阳社区议事会（线上线下）');
  await expect(visitor.getByTestId('online-link')).toHaveCount(0);
});
