import 'server-only';
import { getMessages } from 'next-intl/server';

/** The plain strings of one message group, for client components that get their texts as props. */
export async function labels(path: string): Promise<Record<string, string>> {
  let node: unknown = await getMessages();
  for (const key of path.split('.')) node = (node as Record<string, unknown>)?.[key];
  return Object.fromEntries(Object.entries((node ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

export { safeNext } from '@/domain/shared/safe-next';
