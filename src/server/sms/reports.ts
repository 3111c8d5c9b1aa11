import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db';

/**
 * Delivery reports (状态报告), pushed by the providers to /api/sms/reports/<provider> (decision 056):
 *  - Alibaba (SmsReport, HTTP batch push): a JSON array of { phone_number, success, err_code, biz_id, out_id, ... };
 *  - Tencent (短信下发状态回调): a JSON array of { mobile, report_status: "SUCCESS" | "FAIL", errmsg, sid, ... }.
 * Each report finds its SMS delivery by the provider's message id and records delivered or failed, once: a repeated
 * report changes nothing. Numbers in the report are not kept.
 */
export type TSmsReport = { messageId: string; delivered: boolean; code: string; ref?: string };

const ZAliyun = z.array(
  z.object({ biz_id: z.string().min(1), success: z.boolean(), err_code: z.string().default(''), out_id: z.string().optional() }).loose(),
);
const ZTencent = z.array(
  z.object({ sid: z.string().min(1), report_status: z.enum(['SUCCESS', 'FAIL']), errmsg: z.string().default('') }).loose(),
);

export function parseSmsReports(provider: 'aliyun' | 'tencent', body: unknown): TSmsReport[] | null {
  if (provider === 'aliyun') {
    const r = ZAliyun.safeParse(body);
    return r.success
      ? r.data.map((x) => ({
          messageId: x.biz_id,
          delivered: x.success,
          code: x.err_code || (x.success ? 'DELIVERED' : 'FAILED'),
          ref: x.out_id,
        }))
      : null;
  }
  const r = ZTencent.safeParse(body);
  return r.success
    ? r.data.map((x) => ({ messageId: x.sid, delivered: x.report_status === 'SUCCESS', code: x.errmsg || x.report_status }))
    : null;
}

/** How long a delivery report that came before its send is kept waiting for it. */
const WAITING_KEPT_MS = 2 * 24 * 3600_000;

/**
 * Applies reports; returns how many deliveries changed. Unparseable bodies change nothing and return null. A report
 * whose message id no delivery carries yet (the provider reported before our send's result was committed) is kept in
 * SmsReportWaiting and applied when it is — so the route can acknowledge it (neither provider documents a retry
 * schedule one could rely on for this). A report for a delivery already reported changes nothing.
 */
export async function applySmsReports(provider: 'aliyun' | 'tencent', body: unknown): Promise<number | null> {
  const reports = parseSmsReports(provider, body);
  if (!reports) return null;
  let changed = 0;
  for (const r of reports) {
    const ref = r.ref && /^\d{1,9}$/.test(r.ref) ? Number(r.ref) : undefined;
    const { count } = await getDb().delivery.updateMany({
      where: { channel: 'SMS', providerMessageId: r.messageId, status: 'SENT', ...(ref ? { id: ref } : {}) },
      data: { status: r.delivered ? 'DELIVERED' : 'FAILED', report: r.code.slice(0, 80), reportedAt: new Date() },
    });
    changed += count;
    if (count > 0 || (await getDb().delivery.count({ where: { channel: 'SMS', providerMessageId: r.messageId } })) > 0) continue;
    await getDb().smsReportWaiting.createMany({
      data: [{ messageId: r.messageId, delivered: r.delivered, code: r.code.slice(0, 80) }],
      skipDuplicates: true,
    });
    // The send may have been recorded between the update above and this insert: look again.
    await applyWaitingReports([r.messageId]);
  }
  // A kept report waits seconds for its send, not days: one no send claimed in two days is not ours (another system
  // sharing the callback, a send lost before it was recorded) and would otherwise stay for good.
  await getDb().smsReportWaiting.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - WAITING_KEPT_MS) } } });
  return changed;
}

/**
 * Applies kept reports to the SENT deliveries that now carry their message ids, removing each kept report it applied.
 * Both the sender (after recording a send) and the report route (after keeping a report) call it, so whichever commits
 * second applies the report; one statement, so a report is applied once.
 */
export async function applyWaitingReports(messageIds: string[]): Promise<number> {
  return getDb().$executeRaw`
    WITH applied AS (
      UPDATE "Delivery" d
         SET status = CASE WHEN w.delivered THEN 'DELIVERED'::"DeliveryStatus" ELSE 'FAILED'::"DeliveryStatus" END,
             report = w.code, "reportedAt" = now()
        FROM "SmsReportWaiting" w
       WHERE w."messageId" = ANY(${messageIds}) AND d.channel = 'SMS' AND d."providerMessageId" = w."messageId" AND d.status = 'SENT'
      RETURNING w.id)
    DELETE FROM "SmsReportWaiting" WHERE id IN (SELECT id FROM applied)`;
}
