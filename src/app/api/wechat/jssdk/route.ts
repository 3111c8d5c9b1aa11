import { z } from 'zod';
import { readEnv } from '@/env';
import { handler } from '@/features/shared/handler';
import { wechatShareConfig } from '@/server/share/wechat';

/** A page of this site only: the signer is no service for other sites' pages. */
const ZOwnPage = z
  .string()
  .max(2000)
  .refine((u) => URL.canParse(u) && new URL(u).origin === readEnv().YISHI_PUBLIC_URL);

/**
 * The WeChat JS-SDK configuration (appId, timestamp, nonceStr, signature) for `?url=` a page of this site, so that a
 * page opened in WeChat can set its share card (wx.updateAppMessageShareData). 404 when WeChat is not configured.
 */
export const GET = handler({
  who: 'public',
  input: z.object({ url: ZOwnPage }),
  invalid: () => new Response('Bad url', { status: 400 }),
  run: async (_, { url }) => {
    const config = await wechatShareConfig(url).catch(() => 'unavailable' as const);
    if (config === null) return new Response('Not found', { status: 404 });
    if (config === 'unavailable') return new Response('WeChat unavailable', { status: 503 });
    return Response.json(config, { headers: { 'Cache-Control': 'no-store' } });
  },
});
