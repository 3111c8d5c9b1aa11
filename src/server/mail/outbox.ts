import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { readEnv } from '@/env';
import { getDb } from '@/server/db';
import zhIssues from '../../../messages/zh-CN/issues.json';
import zhTopics from '../../../messages/zh-CN/topics.json';

/**
 * The e-mail channel. A notification for a user with an e-mail address is written with
 * emailStatus PENDING in the same transaction as the change it reports (an outbox); this job sends
 * them. With YISHI_SMTP_URL it sends through that SMTP server; without, nodemailer's JSON transport
 * renders each message and nothing leaves the machine. The log says only which notification of which
 * kind was handled — never the address, the title or the link, which together would tell whoever reads
 * the log who reported what (decisions/023).
 * Several instances may run it at once: rows are claimed with FOR UPDATE SKIP LOCKED.
 */
const MAX_ATTEMPTS = 5;
const holder = globalThis as unknown as { yishiMail?: Transporter };

export function mailTransport(): Transporter {
  const { YISHI_SMTP_URL } = readEnv();
  return (holder.yishiMail ??= YISHI_SMTP_URL
    ? nodemailer.createTransport(YISHI_SMTP_URL)
    : nodemailer.createTransport({ jsonTransport: true }));
}

const KIND = zhIssues.inbox.kind as Record<string, string>;
const SOON = zhIssues.soon as Record<string, string>;
const LEVEL = zhIssues.level as Record<string, string>;
const STEP = zhTopics.step as Record<string, string>;

/** Some notifications carry a code as their body (a deadline, a level, a step): the e-mail says it in words. */
function bodyWords(kind: string, body: string): string {
  if (kind === 'issue.reminder') return SOON[body] ?? body;
  if (kind === 'issue.escalate' && LEVEL[body]) return zhIssues.event.ESCALATE.replace('{level}', LEVEL[body]);
  if (kind === 'topic.step' || kind === 'topic.done') return STEP[body] ?? body;
  return body;
}

export function renderEmail(
  n: { kind: string; title: string; body: string; issueId: number | null; topicId?: number | null; link?: string | null },
  baseUrl: string,
) {
  const what = KIND[n.kind.replace('.', '_')] ?? '议事通知';
  const root = baseUrl.replace(/\/$/, '');
  const link = n.link
    ? `${root}${n.link}`
    : n.topicId
      ? `${root}/topics/${n.topicId}`
      : n.issueId
        ? `${root}/issues/${n.issueId}`
        : baseUrl;
  return {
    subject: `【议事】${what}：${n.title}`,
    text: [
      `${what}：${n.title}`,
      bodyWords(n.kind, n.body),
      '',
      `查看详情：${link}`,
      '',
      '（本邮件由议事平台自动发送，请勿回复。在“我的账号”里删除邮箱即不再收到邮件。）',
    ]
      .filter((l, i) => i !== 1 || l)
      .join('\n'),
  };
}

export async function sendPendingEmails(limit = 50, transport: Transporter = mailTransport()) {
  const env = readEnv();
  const counts = { sent: 0, failed: 0 };
  await getDb().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Notification" WHERE "emailStatus" = 'PENDING' ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return;
      const items = await tx.notification.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        select: {
          id: true,
          userId: true,
          kind: true,
          title: true,
          body: true,
          issueId: true,
          topicId: true,
          link: true,
          emailAttempts: true,
        },
      });
      const emails = new Map(
        (await tx.user.findMany({ where: { id: { in: items.map((i) => i.userId) } }, select: { id: true, email: true } })).map((u) => [
          u.id,
          u.email,
        ]),
      );
      for (const n of items) {
        const to = emails.get(n.userId);
        if (!to) {
          // The address was removed meanwhile: nothing to send.
          await tx.notification.update({ where: { id: n.id }, data: { emailStatus: null } });
          continue;
        }
        try {
          const info = await transport.sendMail({ from: env.YISHI_MAIL_FROM, to, ...renderEmail(n, env.YISHI_PUBLIC_URL) });
          if (!env.YISHI_SMTP_URL)
            console.info('[mail] (log transport, no SMTP configured)', { notification: n.id, kind: n.kind, messageId: info.messageId });
          await tx.notification.update({ where: { id: n.id }, data: { emailStatus: 'SENT', emailAttempts: n.emailAttempts + 1 } });
          counts.sent++;
        } catch (e) {
          // The server's answer may quote the address: the log keeps the notification and the error's code only.
          console.error('[mail] sending failed', { notification: n.id, kind: n.kind, code: (e as { code?: string }).code ?? 'ERROR' });
          const attempts = n.emailAttempts + 1;
          await tx.notification.update({
            where: { id: n.id },
            data: { emailAttempts: attempts, emailStatus: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING' },
          });
          counts.failed++;
        }
      }
    },
    { timeout: 120_000 },
  );
  return counts;
}
