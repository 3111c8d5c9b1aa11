import { z } from 'zod';
import { handler } from '@/features/shared/handler';
import { refuse } from '@/server/errors';
import { getServiceRequests } from '@/server/open311/georeport';
import { jsonName, open311 } from '@/server/open311/http';

/** GeoReport v2: GET requests/<service_request_id>.json — an array of one (API key checked inside open311()). */
export const GET = handler({
  who: 'public',
  input: z.object({ file: z.string() }),
  run: async (_, { file }, { req }) => {
    const id = jsonName(file);
    return open311(req, async ({ params: p, client, locale }) => {
      if (!id || !/^\d{1,9}$/.test(id)) refuse('open311.requestUnknown');
      const found = await getServiceRequests({ jurisdictionId: p.get('jurisdiction_id') ?? undefined, ids: [Number(id)] }, client, locale);
      return found.length ? found : refuse('open311.requestUnknown');
    });
  },
});
