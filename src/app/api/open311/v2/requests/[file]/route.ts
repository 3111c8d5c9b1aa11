import { z } from 'zod';
import { handler } from '@/features/shared/handler';
import { refuse } from '@/server/errors';
import { getServiceRequests } from '@/server/open311/georeport';
import { fileFormat, open311 } from '@/server/open311/http';

/** GeoReport v2: GET requests/<service_request_id>.xml|.json — a list of one (API key checked inside open311()). */
export const GET = handler({
  who: 'public',
  input: z.object({ file: z.string() }),
  run: async (_, { file }, { req }) => {
    const { name: id, format } = fileFormat(file);
    return open311(req, { format, root: 'service_requests' }, async ({ params: p, client, locale }) => {
      if (!/^\d{1,9}$/.test(id)) refuse('open311.requestUnknown');
      const found = await getServiceRequests({ jurisdictionId: p.get('jurisdiction_id') ?? undefined, ids: [Number(id)] }, client, locale);
      return found.length ? found : refuse('open311.requestUnknown');
    });
  },
});
