import { test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';

const PAGES = [
  '/',
  '/places',
  '/places?q=jysq',
  '/places/d/510116',
  '/places/s/510116001',
  '/places/c/510107009003',
  '/places/c/510116001001',
  '/en',
  '/en/places/c/510107009003',
];

for (const url of PAGES) {
  test(`${url} is accessible and fits the screen`, async ({ page }) => {
    await page.goto(url);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  });
}

test('the compound page of the scenario is accessible and fits the screen', async ({ page }) => {
  await page.goto('/places?q=ochy');
  await page.getByRole('link', { name: /欧城花园/ }).click();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});
