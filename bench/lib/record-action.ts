/**
 * The server-action call a phone with JavaScript makes, recorded from a real browser rather than guessed:
 * Debian's Chromium (as playwright.config.ts launches it) opens the page signed in, `act` fills and submits the
 * form, and the POST carrying a `Next-Action` header is captured (and aborted, so it stores nothing). The action
 * id, the router state and React's encodeReply body are whatever the current build produces.
 */
import { chromium, type Page } from '@playwright/test';

export type TRecordedAction = { url: string; headers: Record<string, string>; body: string };

// Headers a replay sets itself (or that belong to this one browser connection).
const OWN = new Set(['cookie', 'content-length', 'host', 'connection', 'x-forwarded-for']);

// As playwright.config.ts launches Debian's Chromium.
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
const PHONE = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

export async function recordAction(
  base: string,
  cookie: string,
  pagePath: string,
  act: (page: Page) => Promise<void>,
): Promise<TRecordedAction> {
  const browser = await chromium.launch(LAUNCH);
  try {
    const context = await browser.newContext(PHONE);
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: base }]);
    const page = await context.newPage();
    let recorded: TRecordedAction | undefined;
    const seen = new Promise<void>((resolve) => {
      void page.route('**/*', async (route) => {
        const req = route.request();
        const headers = await req.allHeaders();
        if (req.method() !== 'POST' || !headers['next-action']) return route.continue();
        const kept = Object.entries(headers).filter(([k]) => !OWN.has(k) && !k.startsWith(':'));
        recorded = { url: req.url(), headers: Object.fromEntries(kept), body: req.postDataBuffer()!.toString('utf8') };
        await route.abort();
        resolve();
      });
    });
    await page.goto(`${base}${pagePath}`);
    // The form is dispatched by React only once the page is hydrated.
    await page.waitForLoadState('networkidle');
    await act(page);
    await Promise.race([
      seen,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no server-action call was made from ${pagePath}`)), 20_000)),
    ]);
    return recorded!;
  } finally {
    await browser.close();
  }
}

/** The value a recorded multipart body carries for a form field (React prefixes FormData fields with "_<n>_"). */
export function fieldOf(body: string, field: string): string {
  const m = new RegExp(`name="(?:_?\\d+_)?${field}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(body);
  if (!m) throw new Error(`the recorded action call carries no ${field} field:\n${body.slice(0, 1500)}`);
  return m[1]!;
}

/** Whether an action answer (React's flight text) says the action succeeded or refused. */
export const answerOf = (text: string) => ({ ok: /"ok":true/.test(text), refused: /"ok":false/.test(text) });
