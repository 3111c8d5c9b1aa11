import { z } from 'zod';
import { parsePublicUrl } from '@/lib/public-url';

/**
 * The app's environment, validated once at start-up. scripts/start.ts sets DATABASE_URL for
 * the embedded database; anything else must come from the environment.
 */
const ZEnv = z
  .object({
    DATABASE_URL: z
      .string({
        error: 'DATABASE_URL is not set: start the app with `npm start`, or set DATABASE_URL=postgresql://user:password@host:5432/db.',
      })
      .regex(/^postgres(ql)?:\/\//, {
        error: 'DATABASE_URL must start with postgresql:// (for example postgresql://user:password@host:5432/db).',
      }),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    /** Seals secret ballots while a vote is open (decision 022); defaults to NEXTAUTH_SECRET. Keep it off the database machine. */
    YISHI_BALLOT_SECRET: z.string().min(16, { error: 'YISHI_BALLOT_SECRET must be at least 16 characters.' }).optional(),
    YISHI_DATA_DIR: z.string().optional(),
    /** e.g. smtps://user:password@smtp.example.com:465 — without it e-mails go to the log only. */
    YISHI_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { error: 'YISHI_SMTP_URL must look like smtps://user:password@smtp.example.com:465.' })
      .optional(),
    YISHI_MAIL_FROM: z.string().default('议事 Yishi <noreply@yishi.local>'),
    /** WeChat JS-SDK sharing (decision 055): the 公众号's AppID and AppSecret; without both the signature endpoint answers 404. */
    YISHI_WECHAT_APPID: z.string().min(1).optional(),
    YISHI_WECHAT_SECRET: z.string().min(1).optional(),
    /** WeChat's API, replaced in tests by a local server. */
    YISHI_WECHAT_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.weixin.qq.com'),
    /** SMS (decision 056): "log" (default: logs ids and kinds only), "aliyun" (Alibaba Cloud dysmsapi) or "tencent" (Tencent Cloud SMS). */
    YISHI_SMS_PROVIDER: z.enum(['log', 'aliyun', 'tencent']).default('log'),
    /** The provider's AccessKey ID / SecretId and AccessKey secret / SecretKey. */
    YISHI_SMS_KEY_ID: z.string().optional(),
    YISHI_SMS_KEY_SECRET: z.string().optional(),
    /** The approved sign name (签名) and template ids: notifications, one-time codes, the staff digest. */
    YISHI_SMS_SIGN_NAME: z.string().optional(),
    YISHI_SMS_TEMPLATE_NOTIFY: z.string().optional(),
    YISHI_SMS_TEMPLATE_CODE: z.string().optional(),
    YISHI_SMS_TEMPLATE_DIGEST: z.string().optional(),
    /** Tencent only: the SmsSdkAppId; both: the region (cn-hangzhou / ap-guangzhou by default). */
    YISHI_SMS_APP_ID: z.string().optional(),
    YISHI_SMS_REGION: z.string().optional(),
    /** The API's base URL when not the provider's public one (a proxy, or a local server in tests). */
    YISHI_SMS_ENDPOINT: z.url().optional(),
    /** The secret in the delivery-report callback URL given to the provider (/api/sms/reports/<provider>?token=...). */
    YISHI_SMS_REPORT_TOKEN: z.string().min(16, { error: 'YISHI_SMS_REPORT_TOKEN must be at least 16 characters.' }).optional(),
    /** The address residents reach the app at: every absolute link is built from it (publicUrl below), as its origin. */
    YISHI_PUBLIC_URL: z
      .string()
      .default('http://localhost:3000')
      .transform((raw, ctx) => {
        const parsed = parsePublicUrl(raw);
        if ('origin' in parsed) return parsed.origin;
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }),
  })
  .superRefine((env, ctx) => {
    const missing = smsMissing(env);
    if (missing.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `YISHI_SMS_PROVIDER=${env.YISHI_SMS_PROVIDER} needs ${missing.join(', ')} (or YISHI_SMS_PROVIDER=log to only log).`,
      });
  });

/** What a real SMS provider (decision 056) needs and is not set: the keys, the sign name, all three templates, Tencent's app id. */
function smsMissing(env: Record<string, unknown>): string[] {
  if (env.YISHI_SMS_PROVIDER === 'log') return [];
  const needed = ['YISHI_SMS_KEY_ID', 'YISHI_SMS_KEY_SECRET', 'YISHI_SMS_SIGN_NAME'];
  needed.push('YISHI_SMS_TEMPLATE_NOTIFY', 'YISHI_SMS_TEMPLATE_CODE', 'YISHI_SMS_TEMPLATE_DIGEST');
  if (env.YISHI_SMS_PROVIDER === 'tencent') needed.push('YISHI_SMS_APP_ID');
  return needed.filter((name) => !env[name]);
}

export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => i.message).join(' '));
  }
  return parsed.data;
}

/** An absolute link to a path of the site ("/board/n/7"): the one way to build one (QR codes, .ics, e-mails, exports). */
export function publicUrl(path: string): string {
  return `${readEnv().YISHI_PUBLIC_URL}${path.startsWith('/') ? path : `/${path}`}`;
}
