import 'server-only';
import { createHash } from 'node:crypto';

/**
 * Structured logs (issue 17, item 8; decision 039): one JSON line on stdout per job run and per unexpected request
 * error, for whatever collects the service's output (journald, docker, a file). Nothing about people goes in:
 * job runs carry counts only (numbers, by type), errors carry their class, code, a fingerprint of the message and
 * where they were thrown — never the message, which Prisma and PostgreSQL fill with the values that failed
 * (names, phones, addresses). Paths keep their shape with every segment holding a digit masked (ids, codes).
 */
export type TCounts = Record<string, number>;
type TValue = string | number | boolean | null | undefined | TCounts | string[];

export function logLine(level: 'info' | 'error', event: string, fields: Record<string, TValue>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
}

const SAFE_CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** What may be said about an error: its class, its code (P2002, 23505, ECONNREFUSED), a fingerprint and where. */
export function errorFields(e: unknown): Record<string, TValue> {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  // The stack starts with the message (which may span lines): only the frames after it are kept.
  const stack = err.stack ?? '';
  const afterMessage = stack.includes(err.message) ? stack.slice(stack.indexOf(err.message) + err.message.length) : '';
  const frames = afterMessage
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim().slice(3).replaceAll(`${process.cwd()}/`, ''));
  // Our own frames say where; a library's only say how it failed (kept only when there is nothing else).
  const ours = frames.filter((f) => !/node_modules|node:internal/.test(f));
  return {
    error: err.name || err.constructor.name,
    code: typeof code === 'string' && SAFE_CODE.test(code) ? code : undefined,
    fingerprint: createHash('sha256').update(err.message).digest('hex').slice(0, 12),
    at: (ours.length ? ours : frames).slice(0, 5),
  };
}

/** A URL's path with its query dropped and every segment that holds a digit (ids, codes, files) masked. */
export function routeOf(url: string): string {
  const pathname = url.startsWith('/') ? url.split('?')[0]! : new URL(url).pathname;
  return pathname
    .split('/')
    .map((s) => (/\d/.test(s) && !/^v\d$/.test(s) ? ':id' : s))
    .join('/');
}

export function logRequestError(kind: string, e: unknown, fields: Record<string, TValue> = {}): void {
  logLine('error', 'request.error', { kind, ...fields, ...errorFields(e) });
}

/** Runs one job and writes its line: name, duration, ok or failed, and the counts it returns. Failures are rethrown. */
export async function runJob(job: string, body: () => Promise<TCounts | void>): Promise<void> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const counts = (await body()) ?? {};
    logLine('info', 'job', { job, ms: ms(), ok: true, counts: numbersOnly(counts) });
  } catch (e) {
    logLine('error', 'job', { job, ms: ms(), ok: false, ...errorFields(e) });
    throw e;
  }
}

/** Counts are numbers by type; this keeps them so whatever a job returns at run time. */
function numbersOnly(counts: TCounts): TCounts {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
}
