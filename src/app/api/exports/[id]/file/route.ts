import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { exportFile } from '@/server/stats/export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The finished workbook, for the one who asked for it (anyone else, and any refusal: 404). */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => {
    const f = await exportFile(by.userId, id);
    return new Response(new Uint8Array(f.bytes), {
      headers: {
        'Content-Type': XLSX,
        'Content-Disposition': `attachment; filename="export-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
