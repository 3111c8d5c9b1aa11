import type { IncomingMessage, ServerResponse } from 'node:http';

type THandler = (req: IncomingMessage, res: ServerResponse) => unknown;
export type TPublicCache = {
  stats: { hits: number; misses: number; stored: number; invalidations: number };
  readonly size: number;
  readonly listening: boolean;
  handle(req: IncomingMessage, res: ServerResponse, handle: THandler): unknown;
  invalidate(): void;
  setListening(on: boolean): void;
};
export function cacheKey(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): string | null;
export function storableCookies(setCookie: number | string | string[] | undefined): boolean;
export function isPublicPage(req: Pick<IncomingMessage, 'url'>): boolean;
export function createPublicCache(options?: {
  maxBytes?: number;
  maxEntryBytes?: number;
  ttlMs?: number;
  now?: () => number;
}): TPublicCache;
export function listenForPublicChanges(
  pg: typeof import('pg').default,
  connectionString: string,
  cache: TPublicCache,
  log?: { error?: (s: string) => void },
): () => Promise<void>;
