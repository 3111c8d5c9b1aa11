import { z } from 'zod';
import { handler } from '@/features/shared/handler';
import { discovery, getServiceRequests, jurisdiction, listServices, postServiceRequest, ZPostRequest } from '@/server/open311/georeport';
import { fileFormat, open311, unknownPath } from '@/server/open311/http';
import { ZRequestQuery } from '@/server/open311/query';

// Open311 authenticates by the district's API key inside open311(), not by a session: who 'public'.
// The format is the extension (services.xml, requests.json), as GeoReport v2 says; anything else is a GeoReport 404.
const ZFile = z.object({ resource: z.string() });

/** GeoReport v2: GET services, GET requests (public fields without a key, everything with the district's key), discovery. */
export const GET = handler({
  who: 'public',
  input: ZFile,
  run: async (_, { resource }, { req }) => {
    const { name, format } = fileFormat(resource);
    if (name === 'services')
      return open311(req, { format, root: 'services' }, async ({ params, client, locale }) =>
        listServices((await jurisdiction(params.get('jurisdiction_id'), client)).id, locale),
      );
    if (name === 'requests')
      return open311(req, { format, root: 'service_requests' }, async ({ params, client, locale }) =>
        getServiceRequests(ZRequestQuery.parse(Object.fromEntries(params)), client, locale),
      );
    if (name === 'discovery') return open311(req, { format, root: 'discovery' }, async ({ locale }) => discovery(locale));
    return unknownPath(req, format);
  },
});

/** GeoReport v2: POST requests — needs an API key issued by the district's admins. */
export const POST = handler({
  who: 'public',
  input: ZFile,
  run: async (_, { resource }, { req }) => {
    const { name, format } = fileFormat(resource);
    if (name !== 'requests') return unknownPath(req, format);
    return open311(
      req,
      { format, root: 'service_requests' },
      async ({ params, client, locale }) => postServiceRequest(client!, ZPostRequest.parse(Object.fromEntries(params)), locale),
      { keyRequired: true },
    );
  },
});
