/**
 * Issue 20, item 1: every page has its own <title>. Walks the routes under src/app/[locale]: each page exports
 * generateMetadata and names its own entry of common.pageTitle; the entries differ from each other and from the
 * site's generic title, in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageKey } from '@/i18n/page-key';

const app = path.join(import.meta.dirname, '../../src/app/[locale]');
const pages = (readdirSync(app, { recursive: true }) as string[])
  .filter((f) => path.basename(f) === 'page.tsx')
  .map((f) => ({ file: f, route: `/${path.dirname(f)}`.replace(/\/\.$/, '') || '/' }))
  .sort((a, b) => a.route.localeCompare(b.route));

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `../../messages/${locale}/common.json`), 'utf8')) as {
    appName: string;
    tagline: string;
    pageTitle?: Record<string, string>;
  };

test('the walk finds the routes', () => {
  expect(pages.length).toBeGreaterThan(50);
  expect(pageKey('/')).toBe('home');
  expect(pageKey('/admin/places/c/[id]')).toBe('admin-places-c-id');
  expect(pageKey('/[...rest]')).toBe('notFound');
});

describe.each(pages)('$route', ({ file, route }) => {
  const source = readFileSync(path.join(app, file), 'utf8');
  test('exports generateMetadata naming its own title', () => {
    expect(source).toMatch(/export (async function|const) generateMetadata\b/);
    expect(source).toContain(`'${pageKey(route)}'`);
  });
  test.each(['zh-CN', 'en'])('has a title of its own in %s', (locale) => {
    const c = catalogue(locale);
    const title = c.pageTitle?.[pageKey(route)];
    expect(title).toBeTruthy();
    expect([c.appName, c.tagline, `${c.appName} · ${c.tagline}`]).not.toContain(title);
  });
});

test.each(['zh-CN', 'en'])('no two routes share a title, and no title is left over (%s)', (locale) => {
  const titles = catalogue(locale).pageTitle ?? {};
  expect(Object.keys(titles).sort()).toEqual(pages.map((p) => pageKey(p.route)).sort());
  const values = Object.values(titles);
  expect(new Set(values).size).toBe(values.length);
});
