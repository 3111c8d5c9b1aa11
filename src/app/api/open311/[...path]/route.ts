import { z } from 'zod';
import { handler } from '@/features/shared/handler';
import { discovery } from '@/server/open311/georeport';
import { fileFormat, open311, unknownPath } from '@/server/open311/http';

// Everything under /api/open311 that no other route answers: the service discovery document, else a GeoReport error
// (in XML when the path ends in .xml) rather than the site's HTML "not found" page.
const ZPath = z.object({ path: z.array(z.string()).or(z.string()) });
const lastOf = (path: string | string[]) => (Array.isArray(path) ? path : [path]);

/** GET discovery.xml|.json (wiki.open311.org/Service_Discovery); any other path is a GeoReport 404. */
export const GET = handler({
  who: 'public',
  input: ZPath,
  run: async (_, { path }, { req }) => {
    const parts = lastOf(path);
    const { name, format } = fileFormat(parts.at(-1) ?? '');
    if (parts.length === 1 && name === 'discovery')
      return open311(req, { format, root: 'discovery' }, async ({ locale }) => discovery(locale));
    return unknownPath(req, format);
  },
});

/** Nothing is posted anywhere but v2/requests: a GeoReport 404. */
export const POST = handler({
  who: 'public',
  input: ZPath,
  run: async (_, { path }, { req }) => unknownPath(req, fileFormat(lastOf(path).at(-1) ?? '').format),
});
