import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { signIn } from '../support/session';

// Issue 19 item 7 (decision 051): 龙躺梁's contact chain, from the demo. The party-member household keeps in touch with
// an elderly neighbour (王桂英) and records an issue for her; the issue says it was recorded on her behalf, and by whom.
test('a party-member household sees the households it keeps in touch with and records an issue for an elderly neighbour', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900009403');
  await page.goto('/issues');
  await page.getByRole('link', { name: '我联系的住户' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我联系的住户');
  const elder = page.getByTestId('kept-households').locator('li', { hasText: '王桂英' }).first();
  // The issue the demo recorded for her is listed under her household.
  await expect(elder).toContainText('王奶奶家楼道扶手松动');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  await elder.locator('summary', { hasText: '代为反映' }).click();
  await elder.getByLabel('类别').selectOption({ index: 1 }); // the first is the unchosen placeholder
  await elder.getByLabel('标题').fill('王奶奶家水龙头漏水');
  await elder.getByLabel('具体情况').fill('王奶奶腿脚不便，家里厨房水龙头一直漏水，请物业上门维修。');
  await elder.getByRole('button', { name: '提交' }).click();
  await elder.getByRole('link', { name: '查看这条反映' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('王奶奶家水龙头漏水');
  await expect(page.getByTestId('recorded-by')).toHaveText(/^代为反映：记录人 \S+/);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test('the branch secretary keeps the chain from the branch list', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough');
  await signIn(page, '13900009401');
  await page.goto('/admin/party/orgs');
  await page.getByTestId('party-org').filter({ hasText: '龙躺梁小区党支部' }).getByRole('link', { name: '联系链' }).click();
  const links = page.getByTestId('contact-links');
  await expect(links).toContainText('班子成员联系楼栋长：郝志刚 → 田秀梅');
  await expect(links).toContainText('楼栋长联系党员户：田秀梅 → ');
  await expect(links.locator('li')).toHaveCount(3);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});
