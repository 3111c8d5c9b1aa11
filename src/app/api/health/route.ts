import { handler } from '@/features/shared/handler';
import { checkHealth } from '@/server/health';

/**
 * For the load balancer and monitoring (issue 17, item 8; decision 039): 200 {status:'ok', checks, version} when the
 * database answers, every shipped migration is applied and the job queue runs; 503 naming the check that failed.
 * Public, no personal data, never cached (not a page the public page cache knows; no-store for anything between).
 */
export const GET = handler({
  who: 'public',
  run: async () => {
    const health = await checkHealth();
    return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
  },
});
