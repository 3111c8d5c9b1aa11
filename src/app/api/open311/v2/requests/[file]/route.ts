import { refuse } from '@/server/errors';
import { getServiceRequests } from '@/server/open311/georeport';
import { jsonName, open311 } from '@/server/open311/http';

/** GeoReport v2: GET requests/<service_request_id>.json — an array of one. */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const id = jsonName((await params).file);
  return open311(req, async ({ params: p, client, locale }) => {
    if (!id || !/^\d{1,9}$/.test(id)) refuse('open311.requestUnknown');
    const found = await getServiceRequests({ jurisdictionId: p.get('jurisdiction_id') ?? undefined, ids: [Number(id)] }, client, locale);
    return found.length ? found : refuse('open311.requestUnknown');
  });
}
