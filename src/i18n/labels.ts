import 'server-only';
import { getMessages } from 'next-intl/server';

/** The plain strings of one message group, for client components that get their texts as props. */
export async function labels(path: string): Promise<Record<string, string>> {
  let node: unknown = await getMessages();
  for (const key of path.split('.')) node = (node as Record<string, unknown>)?.[key];
  return Object.fromEntries(Object.entries((node ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeNext(raw: unknown, fallback: string): string {
  return typeof raw === 'string' && raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\') ? raw : fallback;
}
