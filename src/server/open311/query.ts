import { z } from 'zod';

const ZDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'open311.date')
  .transform((s) => new Date(s));

/** "a,b" → ['a', 'b'] (GeoReport v2 takes comma-separated lists for status and service_code). */
const list = <T extends z.ZodType<unknown, string>>(item: T, message: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(item, { message }).min(1, message).max(50, message));

/** The query of GET requests.json / requests.xml (GeoReport v2 parameter names). */
export const ZRequestQuery = z
  .object({
    jurisdiction_id: z.string().optional(),
    service_request_id: z
      .string()
      .regex(/^\d{1,9}(,\d{1,9})*$/, 'open311.requestUnknown')
      .optional(),
    service_code: list(z.string().min(1).max(40), 'open311.serviceUnknown').optional(),
    status: list(z.enum(['open', 'closed'], { message: 'open311.status' }), 'open311.status').optional(),
    start_date: ZDate.optional(),
    end_date: ZDate.optional(),
  })
  .transform((q) => ({
    jurisdictionId: q.jurisdiction_id,
    ids: q.service_request_id?.split(',').map(Number),
    serviceCodes: q.service_code,
    statuses: q.status,
    start: q.start_date,
    end: q.end_date,
  }));
