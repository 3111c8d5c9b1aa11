import { jurisdiction, listServices } from '@/server/open311/georeport';
import { open311 } from '@/server/open311/http';

/** GeoReport v2: GET services.json?jurisdiction_id=<district code> */
export async function GET(req: Request) {
  return open311(req, async ({ params, client, locale }) => listServices((await jurisdiction(params.get('jurisdiction_id'), client)).id, locale));
}
