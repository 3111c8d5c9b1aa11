import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { readDatabasePassword } from '../../../scripts/db/password.ts';

export const DEMO_PASSWORD = 'yishi-demo-2026';

/** The e2e run's own database (a throwaway embedded PostgreSQL, see playwright.config.ts), with the password it was given. */
export function e2eDatabaseUrl(): string {
  const password = readDatabasePassword(path.join(process.env.E2E_DATA_DIR!, 'pg'));
  if (!password) throw new Error(`no database password in ${process.env.E2E_DATA_DIR}/pg: has the e2e server started?`);
  return `postgresql://yishi:${password}@127.0.0.1:${process.env.E2E_PG_PORT ?? 55433}/yishi`;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Signs a page's browser context in by posting the sign-in form's request (the cookies land in the context), then
 * opens the account page, where specs continue. The form itself is walked in the specs that test signing in
 * (sign-in-security, way-finding, onboarding): drawing it again for every sign-in cost the run a page load each.
 */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD, prefix = '') {
  const origin = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  const res = await page.request.post('/api/signin', {
    form: { phone, password, next: `${prefix}/account`, form: `${prefix}/signin` },
    headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in of ${phone}`).toBe(303);
  expect(res.headers()['location'], `sign-in of ${phone} was refused`).toMatch(new RegExp(`${prefix}/account$`));
  await page.goto(`${prefix}/account`);
  await expect(page).toHaveURL(new RegExp(`${prefix}/account$`));
}

/** Signs in through the form, as a person does (for the specs that test the form's own behaviour). */
export async function signInThroughForm(page: Page, phone: string, password = DEMO_PASSWORD, prefix = '') {
  await page.goto(`${prefix}/signin?next=${encodeURIComponent(`${prefix}/account`)}`);
  await page.getByLabel(prefix ? 'Mobile number' : '手机号').fill(phone);
  await page.getByLabel(prefix ? 'Password' : '密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: prefix ? 'Sign in' : '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`${prefix}/account$`));
}

/** The last one-time code the app "sent" to a number: read from the code sender's outbox file (decision 030). */
export async function sentCode(phone: string, purpose = 'registration'): Promise<string> {
  const text = await readFile(`${process.env.E2E_DATA_DIR}-codes.jsonl`, 'utf8');
  const sent = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { phone: string; purpose: string; code: string });
  const mine = sent.filter((s) => s.phone === phone && s.purpose === purpose);
  if (mine.length === 0) throw new Error(`no ${purpose} code was sent to ${phone}`);
  return mine.at(-1)!.code;
}
