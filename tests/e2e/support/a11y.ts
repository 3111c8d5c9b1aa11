import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Fails on any serious or critical accessibility violation on the current page. Legacy mode runs axe in the page
 * itself: the default opens a blank page for every scan and injects axe twice, which made a scan 2–3 s of the e2e run
 * (measured 4.3 s against 1.8 s per scan, with the same results; our pages have no cross-origin frames to reach).
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(bad, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Fails when the page scrolls sideways (content wider than the viewport). On a phone the browser
 * widens its layout viewport to fit overflowing content and zooms out (so scrollWidth equals
 * clientWidth); the width is therefore compared with the screen's.
 */
export async function expectNoHorizontalScroll(page: Page) {
  const screen = page.viewportSize()?.width ?? Infinity;
  const { scroll, client, layout } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    layout: window.innerWidth,
  }));
  expect(scroll, `page ${page.url()} is wider than the screen`).toBeLessThanOrEqual(client);
  expect(layout, `page ${page.url()} was laid out wider than the ${screen} px screen`).toBeLessThanOrEqual(screen);
}
