import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { exportSurvey } from '@/server/surveys/export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A survey's answers as a workbook, for those who run it (survey.manage at its place; audited). Anyone else: 404. */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => {
    const f = await exportSurvey(by, id);
    return new Response(new Uint8Array(f.bytes), {
      headers: {
        'Content-Type': XLSX,
        'Content-Disposition': `attachment; filename="survey-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
