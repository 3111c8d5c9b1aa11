import 'server-only';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { z } from 'zod';
import { UseCaseError } from '@/server/errors';
import { logRequestError } from '@/server/log';

export type TActionResult<T = unknown> = { ok: boolean; message?: string; fields?: Record<string, string>; data?: T };

/**
 * Runs a server action's body and turns refusals into a message in the user's language.
 * Bad input (zod) and refusals (UseCaseError) change nothing; anything else is logged as a bug.
 */
export async function runAction<T>(fn: () => Promise<TActionResult<T>>): Promise<TActionResult<T>> {
  try {
    return await fn();
  } catch (e) {
    const expected = e instanceof z.ZodError || e instanceof UseCaseError;
    if (!expected) logRequestError('action', e, { action: await actionId() });
    // The catalogue is loaded only when there is something to say (a success says its own message).
    const t = await getTranslations('errors');
    if (e instanceof z.ZodError) {
      const fields: Record<string, string> = {};
      for (const issue of e.issues) fields[String(issue.path[0] ?? 'form')] ??= t.has(issue.message) ? t(issue.message) : t('form.invalid');
      // The message names the first field in error (issue 20): the field itself may be far up the page.
      const first = Object.values(fields)[0];
      return { ok: false, message: first ? t('form.invalidField', { first }) : t('form.invalid'), fields };
    }
    if (e instanceof UseCaseError) return { ok: false, message: t.has(e.code) ? t(e.code, e.values) : t('unexpected') };
    return { ok: false, message: t('unexpected') };
  }
}

/** Which action failed: Next's id of it (a hash of the function, nothing about the user), when there is a request. */
async function actionId(): Promise<string | null> {
  try {
    return (await headers()).get('next-action');
  } catch {
    return null;
  }
}
