import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 23 part L's "done when": 欧城花园's maintenance fund shows the lift draw decided by the owners' vote, with receipts;
// its keeper's spending over the balance is refused in Chinese with nothing written; one that fits is recorded with a
// receipt photo, reconciled and published for the period after the last statement; the public board shows it.
const FUND = '欧城花园住宅专项维修资金'; // prisma/seed/ledgers.ts
const LIFT = '使用维修资金更换 1 栋电梯';

test('the maintenance fund: the owners’ lift draw, a refused overspend, an entry with its receipt, the statement on the board', async ({
  browser,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const [fund] = await query<{ id: number; entryCount: number }>(`SELECT id, "entryCount" FROM "Ledger" WHERE name = $1`, [FUND]);
  const count = async () => (await query<{ n: string }>(`SELECT count(*) AS n FROM "LedgerEntry" WHERE "ledgerId" = $1`, [fund!.id]))[0]!.n;

  // 王秀英, chair of 欧城花园's owners' committee, opens the fund from her ledgers.
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, '13900002001');
  await page.goto('/ledgers');
  await page.getByRole('link', { name: new RegExp(FUND) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FUND);
  await expect(page.getByRole('link', { name: `经「${LIFT}」业主表决通过` })).toHaveCount(2);
  await expect(page.getByTestId('entry-3').getByRole('link', { name: '票据 1' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // A spending over the balance: refused in Chinese, nothing written.
  const entry = page.locator('form').filter({ has: page.getByRole('button', { name: '记一笔' }) });
  const fill = async (amount: string) => {
    await entry.getByLabel('类型').selectOption('SPENDING');
    await entry.getByLabel(/金额/).fill(amount);
    await entry.getByLabel('摘要').fill('1 栋电梯五方对讲系统调试费');
    await entry.getByLabel(/对方单位或个人/).fill('四川通达电梯工程有限公司');
    await entry.getByLabel(/业主表决决定/).selectOption({ label: LIFT });
    await entry.getByRole('button', { name: '记一笔' }).click();
  };
  await fill('600,000');
  await expect(page.getByText('余额不足：本笔支出 ¥600,000.00，当前余额 ¥592,048.00；如有垫付请先登记垫付。')).toBeVisible();
  expect(await count()).toBe(String(fund!.entryCount));

  // One that fits, then its receipt (a phone photo), reconciled.
  await fill('1,200.00');
  await expect(page.getByText('已记账。')).toBeVisible();
  const added = page.getByTestId(`entry-${fund!.entryCount + 1}`);
  await added.getByText('上传票据 / 冲销这一笔').click();
  const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#fbfaf5' } })
    .jpeg()
    .toBuffer();
  await added.getByLabel(/票据（PDF、JPEG 或 PNG）/).setInputFiles({ name: '调试费发票.jpg', mimeType: 'image/jpeg', buffer: photo });
  await added.getByRole('button', { name: '上传票据', exact: true }).click();
  await expect(page.getByText('票据已上传。')).toBeVisible();
  await page.getByRole('checkbox', { name: new RegExp(`^第 ${fund!.entryCount + 1} 笔`) }).check();
  await page.getByRole('button', { name: '核对选中的账目' }).click();
  await expect(page.getByText('已核对 1 笔。')).toBeVisible();
  await expect(added.getByText('已核对', { exact: true })).toBeVisible();

  // The statement of the days since the last one, on the board.
  await page.getByRole('button', { name: '发布到公示栏' }).click();
  await expect(page.getByText('报表已发布到公示栏。')).toBeVisible();
  const [st] = await query<{ noticeId: number }>(
    `SELECT "noticeId" FROM "LedgerStatement" WHERE "ledgerId" = $1 ORDER BY "toDay" DESC LIMIT 1`,
    [fund!.id],
  );

  // The public board, signed out.
  const visitor = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await visitor.goto(`/board/n/${st!.noticeId}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText(`${FUND}`);
  await expect(visitor.getByText(/期末余额：¥590,848\.00/)).toBeVisible();
  await expect(visitor.getByText(/1 栋电梯五方对讲系统调试费/)).toBeVisible();
});
