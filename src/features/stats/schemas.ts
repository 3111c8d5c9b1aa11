import { z } from 'zod';
import { ZId } from '@/features/shared/forms';
import { exportKinds } from '@/server/stats/export';

export const ZExclude = z.object({
  issueId: ZId,
  reason: z.string().trim().min(4, 'stats.reasonRequired').max(300, 'stats.reasonRequired'),
});
export const ZInclude = z.object({ issueId: ZId });

export const ZExport = z.object({
  kind: z.enum(exportKinds),
  unit: z.string().regex(/^(city|district|street|community|compound):\d{1,9}$/, 'stats.badUnit'),
  from: z.string().regex(/^\d{4}-\d{2}$/, 'stats.badMonth'),
  to: z.string().regex(/^\d{4}-\d{2}$/, 'stats.badMonth'),
  category: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || null),
});
