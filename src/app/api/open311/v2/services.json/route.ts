import { handler } from '@/features/shared/handler';
import { jurisdiction, listServices } from '@/server/open311/georeport';
import { open311 } from '@/server/open311/http';

/** GeoReport v2: GET services.json?jurisdiction_id=<district code> (API key, if any, checked inside open311()). */
export const GET = handler({
  who: 'public',
  run: async (_, __, { req }) =>
    open311(req, async ({ params, client, locale }) =>
      listServices((await jurisdiction(params.get('jurisdiction_id'), client)).id, locale),
    ),
});
