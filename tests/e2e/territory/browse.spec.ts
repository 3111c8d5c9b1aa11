import { expect, test } from '@playwright/test';

test.describe('browsing the territory tree', () => {
  test('in Chinese: from the home page down to a compound and its councils', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('有事好商量，众人的事情由众人商量');
    await page.getByRole('main').getByRole('link', { name: '查找我的社区' }).click();
    await expect(page.getByRole('heading', { name: '社区查询', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '四川省 · 成都市' })).toBeVisible();

    await page.getByRole('link', { name: /^武侯区/ }).click();
    await expect(page.getByRole('heading', { name: '武侯区', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: /^晋阳街道/ }).click();
    await page.getByRole('link', { name: /^晋阳社区/ }).click();
    await expect(page.getByRole('heading', { name: '晋阳社区', level: 1 })).toBeVisible();
    await expect(page.getByText('区划代码 510107009003')).toBeVisible();
    await expect(page.getByRole('heading', { name: '晋阳社区议事会' })).toBeVisible();
    await expect(page.getByText('社区议事会 · 37 个席位')).toBeVisible();

    await page.getByRole('link', { name: /^北苑小区/ }).click();
    await expect(page.getByRole('heading', { name: '北苑小区', level: 1 })).toBeVisible();
    await expect(page.getByText('4 栋楼，48 户')).toBeVisible();
    const courtyard = page.getByRole('article').filter({ has: page.getByRole('heading', { name: '北苑院落议事会' }) });
    await expect(courtyard.getByRole('listitem')).toHaveCount(5);
    await expect(courtyard.getByText('张桂兰')).toBeVisible();

    // The breadcrumb leads back up.
    await page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '晋阳街道' }).click();
    await expect(page.getByRole('heading', { name: '晋阳街道', level: 1 })).toBeVisible();
  });

  test('search by pinyin initials and by Chinese name', async ({ page }) => {
    await page.goto('/places');
    await page.getByRole('searchbox', { name: '搜索地名' }).fill('ochy');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/places\?q=ochy/);
    await page.getByRole('link', { name: /欧城花园/ }).click();
    await expect(page.getByRole('heading', { name: '欧城花园', level: 1 })).toBeVisible();
    await expect(page.getByText('开发建设单位：成都欧城置业有限公司')).toBeVisible();

    await page.goto('/places?q=' + encodeURIComponent('龙躺梁'));
    await expect(page.getByRole('link', { name: /^龙躺梁社区 · 社区/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^龙躺梁老旧小区 · 小区/ })).toBeVisible();
    await page.goto('/places?q=' + encodeURIComponent('没有这个地方'));
    await expect(page.getByText('没有找到与“没有这个地方”相符的地方')).toBeVisible();
  });

  test('in English, and the language choice is remembered', async ({ page }) => {
    await page.goto('/places/c/510107009003');
    await page
      .getByRole('link', { name: 'Switch to English' })
      .or(page.getByRole('link', { name: '切换到英文' }))
      .click();
    await expect(page).toHaveURL(/\/en\/places\/c\/510107009003$/);
    await expect(page.getByRole('heading', { name: 'Councils and committees' })).toBeVisible();
    await expect(page.getByText('Community council · 37 seats')).toBeVisible();

    // Coming back to the site later opens it in English.
    await page.goto('/');
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matters of the many, discussed by the many');

    // English search and browsing.
    await page.getByRole('link', { name: 'Find a community', exact: true }).first().click();
    await page.getByRole('searchbox', { name: 'Search places' }).fill('jysq');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: 'Results for “jysq”: 1' })).toBeVisible();
    await page.getByRole('link', { name: /晋阳社区/ }).click();
    await expect(page.getByRole('heading', { name: 'Compounds' })).toBeVisible();

    // Switching back to Chinese sticks too.
    await page.getByRole('link', { name: 'Switch to Chinese' }).click();
    await expect(page.getByRole('heading', { name: '小区', exact: true })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/localhost:\d+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('有事好商量，众人的事情由众人商量');
  });

  test('an unknown place is a friendly 404', async ({ page }) => {
    const response = await page.goto('/places/c/000000000000');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '没有找到这个页面' })).toBeVisible();
    await page.goto('/en/places/p/abc');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('the language switch works before the page’s JavaScript has loaded (a slow phone)', async ({ browser }, info) => {
    const context = await browser.newContext({ ...info.project.use, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/places/c/510107009003');
    await page.getByRole('link', { name: '切换到英文' }).click();
    await expect(page).toHaveURL(/\/en\/places\/c\/510107009003$/);
    await expect(page.getByRole('heading', { name: 'Compounds' })).toBeVisible();
    await page.getByRole('link', { name: 'Switch to Chinese' }).click();
    await expect(page).toHaveURL(/localhost:\d+\/places\/c\/510107009003$/);
    await expect(page.getByRole('heading', { name: '小区', exact: true })).toBeVisible();
    expect((await page.request.get('/api/locale?to=en&next=//evil.example')).status()).toBe(400);
    await context.close();
  });
});
