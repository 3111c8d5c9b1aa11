import 'server-only';
import { isStaff } from '@/features/admin/staff-permissions';
import { byOf } from '@/features/shared/guards';
import { localizedPath } from '@/i18n/paths';
import { routing, type TLocale } from '@/i18n/routing';
import { accountContext } from '@/server/auth/session';

/**
 * Where sign-in goes when no page asked for it (issue 20, item 9): staff to their desk, everyone else to their own home
 * (/me: raise an issue, my issues and topics, votes waiting) — never the account settings. `form` is the sign-in page's
 * path, which carries the language.
 */
export async function landingAfterSignIn(userId: number, sv: number, form: string): Promise<string> {
  const prefixed = (l: string) => l !== routing.defaultLocale && (form === `/${l}` || form.startsWith(`/${l}/`));
  const locale: TLocale = routing.locales.find(prefixed) ?? routing.defaultLocale;
  const user = await accountContext(userId, sv);
  return localizedPath(user && isStaff(byOf(user)) ? '/admin' : '/me', locale);
}
