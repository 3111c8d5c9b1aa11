import type { Instrumentation } from 'next';

// Runs once when a Next.js server starts: the background jobs live in the app's own process.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // A wrong configuration (e.g. an SMS provider without its templates) stops the start with its one sentence.
    const { readEnv } = await import('./env');
    try {
      readEnv();
    } catch (e) {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    }
    const { startJobs } = await import('./server/jobs/start-jobs');
    const { errorFields, logLine } = await import('./server/log');
    await startJobs()?.catch((e: unknown) => logLine('error', 'jobs.start', errorFields(e)));
  }
}

/** Next's own control flow (not found, redirects, dynamic rendering) travels as errors too: those are not failures. */
const CONTROL_FLOW = /^(NEXT_|DYNAMIC_SERVER_USAGE|BAILOUT_TO_CLIENT_SIDE_RENDERING)/;

/**
 * A page, route or action that failed outside our wrappers (command() and handler() log their own): one JSON line
 * with the route's pattern (no ids) and the digest the error page shows the user, so staff can find it.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const digest = (error as { digest?: unknown }).digest;
  if (typeof digest === 'string' && CONTROL_FLOW.test(digest)) return;
  if (process.env.NEXT_RUNTIME === 'edge') return;
  const { logRequestError } = await import('./server/log');
  logRequestError(context.routeType, error, {
    method: request.method,
    route: context.routePath,
    digest: typeof digest === 'string' ? digest : undefined,
  });
};
