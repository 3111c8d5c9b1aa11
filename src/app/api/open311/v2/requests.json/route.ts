import { handler } from '@/features/shared/handler';
import { getServiceRequests, postServiceRequest, ZPostRequest } from '@/server/open311/georeport';
import { open311 } from '@/server/open311/http';
import { ZRequestQuery } from '@/server/open311/query';

// Open311 authenticates by the district's API key inside open311(), not by a session: who 'public'.

/** GeoReport v2: GET requests.json (list) — public fields without a key, everything with the district's key. */
export const GET = handler({
  who: 'public',
  run: async (_, __, { req }) =>
    open311(req, async ({ params, client, locale }) => getServiceRequests(ZRequestQuery.parse(Object.fromEntries(params)), client, locale)),
});

/** GeoReport v2: POST requests.json — needs an API key issued by the district's admins. */
export const POST = handler({
  who: 'public',
  run: async (_, __, { req }) =>
    open311(req, async ({ params, client }) => postServiceRequest(client!, ZPostRequest.parse(Object.fromEntries(params))), {
      keyRequired: true,
    }),
});
