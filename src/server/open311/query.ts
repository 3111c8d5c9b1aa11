import { z } from 'zod';

const ZDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'open311.date')
  .transform((s) => new Date(s));

/** The query of GET requests.json (GeoReport v2 parameter names). */
export const ZRequestQuery = z
  .object({
    jurisdiction_id: z.string().optional(),
    service_request_id: z
      .string()
      .regex(/^\d{1,9}(,\d{1,9})*$/, 'open311.requestUnknown')
      .optional(),
    service_code: z.string().max(40).optional(),
    status: z.enum(['open', 'closed'], { message: 'open311.status' }).optional(),
    start_date: ZDate.optional(),
    end_date: ZDate.optional(),
  })
  .transform((q) => ({
    jurisdictionId: q.jurisdiction_id,
    ids: q.service_request_id?.split(',').map(Number),
    serviceCode: q.service_code,
    status: q.status,
    start: q.start_date,
    end: q.end_date,
  }));
