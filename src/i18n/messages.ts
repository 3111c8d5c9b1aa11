import type { TLocale } from './routing';

/** Message catalogues are namespaced by feature: messages/<locale>/<namespace>.json. */
export const namespaces = [
  'common',
  'home',
  'territory',
  'errors',
  'account',
  'admin',
  'votes',
  'issues',
  'issueSettings',
  'apiKeys',
  'topics',
  'procedures',
  'board',
  'meetings',
  'stats',
  'mediation',
  'elections',
  'surveys',
  'ledgers',
  'disclosure',
  'consultation',
] as const;

export async function loadMessages(locale: TLocale) {
  const entries = await Promise.all(
    namespaces.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
