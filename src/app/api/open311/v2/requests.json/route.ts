import { getServiceRequests, postServiceRequest, ZPostRequest } from '@/server/open311/georeport';
import { open311 } from '@/server/open311/http';
import { ZRequestQuery } from '@/server/open311/query';

/** GeoReport v2: GET requests.json (list) — public fields without a key, everything with the district's key. */
export async function GET(req: Request) {
  return open311(req, async ({ params, client, locale }) => getServiceRequests(ZRequestQuery.parse(Object.fromEntries(params)), client, locale));
}

/** GeoReport v2: POST requests.json — needs an API key issued by the district's admins. */
export async function POST(req: Request) {
  return open311(req, async ({ params, client }) => postServiceRequest(client!, ZPostRequest.parse(Object.fromEntries(params))), { keyRequired: true });
}
