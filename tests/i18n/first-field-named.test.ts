import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, test, vi } from 'vitest';
import { ZRaiseIssue } from '@/features/issues/schemas';
import { runAction } from '@/features/shared/action-result';

// Issue 20, item 8: after a refused form the message at its foot names the first field in error, not only "check the
// marked fields" (a screen reader hears the message; the field itself may be far up the page).
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'messages', locale, 'errors.json'), 'utf8'));
const locale = vi.hoisted(() => ({ current: 'zh-CN' }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: locale.current, messages: { errors: catalogue(locale.current) }, namespace: namespace as never }),
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

describe('a refused form names its first field in error', () => {
  test.each([
    ['zh-CN', '请检查标出的内容。请选择问题类别。'],
    ['en', 'Please check the marked fields. Please choose a category for the issue.'],
  ])('%s', async (lang, expected) => {
    locale.current = lang;
    const r = await runAction(async () => {
      ZRaiseIssue.parse({ categoryId: '', compoundId: '', title: 'x', description: '' });
      return { ok: true };
    });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(expected);
    expect(Object.keys(r.fields ?? {})[0]).toBe('categoryId');
  });
});
