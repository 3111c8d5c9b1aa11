import { z } from 'zod';
import { handler } from '@/features/shared/handler';
import { reportTokenMatches } from '@/server/sms/report-token';
import { applySmsReports } from '@/server/sms/reports';

/**
 * The providers' delivery-report callbacks (decision 056): configure
 * <YISHI_PUBLIC_URL>/api/sms/reports/aliyun?token=<YISHI_SMS_REPORT_TOKEN> (Alibaba SmsReport, HTTP batch push) or
 * .../tencent?token=... (Tencent 短信下发状态回调). Without the token configured, or with a wrong one: 404.
 * Each provider gets the acknowledgement its documentation asks for.
 */
const ACK = { aliyun: { code: 0, msg: '成功' }, tencent: { result: 0, errmsg: 'OK' } } as const;

export const POST = handler({
  who: 'public',
  input: z.object({ provider: z.enum(['aliyun', 'tencent']), token: z.string().max(200) }),
  run: async (_, { provider, token }, { req }) => {
    if (!reportTokenMatches(token)) return new Response('Not found', { status: 404 });
    const body = await req.json().catch(() => null);
    const changed = await applySmsReports(provider, body);
    if (changed === null)
      return Response.json(
        { ...ACK[provider], ...(provider === 'aliyun' ? { code: 1, msg: 'bad report' } : { result: 1, errmsg: 'bad report' }) },
        { status: 400 },
      );
    return Response.json(ACK[provider]);
  },
});
