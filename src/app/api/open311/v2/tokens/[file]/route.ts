import { z } from 'zod';
import { handler } from '@/features/shared/handler';
import { getToken } from '@/server/open311/georeport';
import { fileFormat, open311 } from '@/server/open311/http';

/** GeoReport v2: GET tokens/<token>.xml|.json — the id of a request accepted unplaced, once staff placed it (decision 060). */
export const GET = handler({
  who: 'public',
  input: z.object({ file: z.string() }),
  run: async (_, { file }, { req }) => {
    const { name: token, format } = fileFormat(file);
    return open311(req, { format, root: 'service_requests' }, async ({ params: p, client }) =>
      getToken(token, p.get('jurisdiction_id') ?? undefined, client),
    );
  },
});
