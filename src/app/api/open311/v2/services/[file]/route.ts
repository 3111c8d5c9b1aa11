import { z } from 'zod';
import { handler } from '@/features/shared/handler';
import { getService, jurisdiction } from '@/server/open311/georeport';
import { fileFormat, open311 } from '@/server/open311/http';

/** GeoReport v2: GET services/<service_code>.xml|.json — no extra attributes (metadata is false). */
export const GET = handler({
  who: 'public',
  input: z.object({ file: z.string() }),
  run: async (_, { file }, { req }) => {
    const { name: code, format } = fileFormat(file);
    return open311(req, { format, root: 'service_definition' }, async ({ params: p, client, locale }) => {
      const d = await jurisdiction(p.get('jurisdiction_id'), client);
      const s = await getService(d.id, code, locale);
      return { service_code: s.service_code, attributes: [] };
    });
  },
});
