import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { readEnv } from '@/env';
import type { TChannelSender, TNote } from '@/server/messages/channel';
import { sendPendingDeliveries } from '@/server/messages/deliveries';
import { bodyWords, noteLink, noteWhat } from '@/server/messages/render';

/**
 * The e-mail channel (decision 056: one of the channels behind TChannelSender). The database writes an EMAIL Delivery row
 * for a notification in the same transaction (an outbox); this job sends them. With YISHI_SMTP_URL it sends through that
 * SMTP server; without, nodemailer's JSON transport renders each message and nothing leaves the machine. The log says
 * only which notification of which kind was handled — never the address, the title or the link, which together would
 * tell whoever reads the log who reported what (decisions/023).
 */
const holder = globalThis as unknown as { yishiMail?: Transporter };

export function mailTransport(): Transporter {
  const { YISHI_SMTP_URL } = readEnv();
  return (holder.yishiMail ??= YISHI_SMTP_URL
    ? nodemailer.createTransport(YISHI_SMTP_URL)
    : nodemailer.createTransport({ jsonTransport: true }));
}

export function renderEmail(
  n: Omit<TNote, 'id' | 'topicId' | 'link'> & { topicId?: number | null; link?: string | null },
  baseUrl: string,
) {
  const what = noteWhat(n.kind);
  return {
    subject: `【议事】${what}：${n.title}`,
    text: [
      `${what}：${n.title}`,
      bodyWords(n.kind, n.body),
      '',
      `查看详情：${noteLink({ link: n.link ?? null, topicId: n.topicId ?? null, issueId: n.issueId }, baseUrl)}`,
      '',
      '（本邮件由议事平台自动发送，请勿回复。在“我的账号”里可以选择哪些消息发邮件，删除邮箱即不再收到邮件。）',
    ]
      .filter((l, i) => i !== 1 || l)
      .join('\n'),
  };
}

export function renderDigestEmail(notes: TNote[], baseUrl: string) {
  return {
    subject: `【议事】今日汇总：${notes.length} 条消息`,
    text: [
      `今天有 ${notes.length} 条消息：`,
      '',
      ...notes.map((n) => `· ${noteWhat(n.kind)}：${n.title}\n  ${noteLink(n, baseUrl)}`),
      '',
      `全部消息：${baseUrl.replace(/\/$/, '')}/inbox`,
      '',
      '（您在“我的账号”里选择了每日汇总；改回逐条发送也在那里。）',
    ].join('\n'),
  };
}

export function emailSender(transport: Transporter = mailTransport()): TChannelSender {
  const env = readEnv();
  const logOnly = !env.YISHI_SMTP_URL;
  const mail = async (to: string, content: { subject: string; text: string }, log: Record<string, unknown>) => {
    try {
      const info = await transport.sendMail({ from: env.YISHI_MAIL_FROM, to, ...content });
      if (logOnly) console.info('[mail] (log transport, no SMTP configured)', { ...log, messageId: info.messageId });
      return { ok: true as const, messageId: String(info.messageId ?? '') };
    } catch (e) {
      // The server's answer may quote the address: only the error's code is kept. A 5xx answer is final.
      const code = (e as { code?: string }).code ?? 'ERROR';
      const permanent = ((e as { responseCode?: number }).responseCode ?? 0) >= 500;
      return { ok: false as const, retry: !permanent, code };
    }
  };
  return {
    channel: 'EMAIL',
    logOnly,
    address: (u) => u.email,
    send: (to, n) => mail(to, renderEmail(n, env.YISHI_PUBLIC_URL), { notification: n.id, kind: n.kind }),
    sendDigest: (to, notes) => mail(to, renderDigestEmail(notes, env.YISHI_PUBLIC_URL), { digest: notes.length }),
  };
}

/** The e-mail job: one batch of waiting e-mails. */
export async function sendPendingEmails(limit = 50, transport: Transporter = mailTransport()) {
  const { sent, failed } = await sendPendingDeliveries(emailSender(transport), limit);
  return { sent, failed };
}
