import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { query } from './support/session';

test('every page carries the security headers', async ({ request }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  for (const url of ['/', '/en/places', '/places/c/510107009003']) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-powered-by']).toBeUndefined();
  }
});

const scriptSrc = (csp: string | undefined) =>
  (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src')) ?? '';

test('scripts run under a per-request nonce, and an inline script without it is blocked', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  // The page as served, with one inline script slipped in without the nonce (as injected markup would be).
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const served = await route.fetch();
    const html = (await served.text()).replace('</body>', '<script>window.injected = true</script></body>');
    return route.fulfill({ response: served, body: html });
  });
  const res = await page.goto('/');
  const policy = scriptSrc(res?.headers()['content-security-policy']);
  expect(policy).toMatch(/'nonce-[A-Za-z0-9+/=_-]{16,}'/);
  expect(policy).not.toContain("'unsafe-inline'");
  // Next's own scripts carry the nonce and run: the app boots.
  await page.waitForFunction(() => (window as { next?: { version?: string } }).next?.version !== undefined);
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  expect(refused).toHaveLength(1);
  expect(refused[0]).toMatch(/inline script/);
  // A new nonce for every request.
  expect(scriptSrc((await page.request.get('/')).headers()['content-security-policy'])).not.toBe(policy);
});

test('HSTS only when served over HTTPS', async ({ request }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  expect((await request.get('/')).headers()['strict-transport-security']).toBeUndefined();
  const behindTls = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(behindTls.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
});

test('a server action posted from another origin is refused with 403, not a server error', async ({ request, baseURL }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  const res = await request.post('/', {
    headers: {
      'Next-Action': '7f00000000000000000000000000000000000000',
      Origin: 'https://evil.example',
      'Content-Type': 'text/plain;charset=UTF-8',
    },
    data: '[]',
  });
  expect(res.status()).toBe(403);
  // The form variant (no JavaScript: a multipart POST to the page) likewise.
  const form = await request.post('/signin', {
    headers: { Origin: 'https://evil.example' },
    multipart: { $ACTION_ID_7f00000000000000000000000000000000000000: '' },
  });
  expect(form.status()).toBe(403);
  // The same origin is not refused by that check (the made-up action itself is then not found).
  const own = await request.post('/', {
    headers: { 'Next-Action': '7f00000000000000000000000000000000000000', Origin: new URL(baseURL!).origin },
    data: '[]',
  });
  expect(own.status()).not.toBe(403);
});

// A receipt rather than a notice's attachment: adding an attachment by hand would break the notices' hash
// chain that other tests verify. Both are served through contentDisposition (tests/server/notices/board.test.ts
// checks the notice's attachment).
test('a PDF receipt is downloaded, never rendered on our origin', async ({ request }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  const storageKey = `receipts/${randomUUID()}.pdf`;
  const file = path.join(process.env.E2E_DATA_DIR!, 'files', storageKey);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '%PDF-1.4\n%%EOF\n');
  const [expense] = await query<{ id: number }>(
    `UPDATE "Expense" SET "receiptKey" = $1, "receiptName" = '发票.pdf' WHERE id = (SELECT min(id) FROM "Expense") RETURNING id`,
    [storageKey],
  );
  const res = await request.get(`/api/expenses/${expense!.id}/receipt`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(res.headers()['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('发票.pdf')}`);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});
