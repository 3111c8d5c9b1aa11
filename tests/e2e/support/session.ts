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

export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD, prefix = '') {
  // Sent from the account page (specs continue there); where sign-in lands unasked is tested in way-finding.spec.ts.
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
