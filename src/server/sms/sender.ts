import 'server-only';
import { readEnv } from '@/env';
import { smsText } from '@/domain/messages/channels';
import type { TChannelSender, TNote } from '@/server/messages/channel';
import { sendPendingDeliveries } from '@/server/messages/deliveries';
import { noteLink, noteWhat } from '@/server/messages/render';
import { smsTransport } from './transport';
import type { TSmsMessage, TSmsTransport } from './types';

/**
 * The SMS channel (decision 056). Templates expected at the provider (register them with the sign name):
 *   NOTIFY  "您有一条${what}：${title}，详情 ${link}"
 *   DIGEST  "您今天有${count}条议事消息，请查看 ${link}"
 *   CODE    "您的验证码为${code}，10分钟内有效。"
 * Our reference for the provider (Alibaba OutId, Tencent SessionContext) is the delivery's id.
 */
export function smsNotice(n: TNote, baseUrl: string): TSmsMessage {
  return {
    template: 'NOTIFY',
    params: [
      ['what', noteWhat(n.kind)],
      ['title', smsText(n.title)],
      ['link', noteLink(n, baseUrl)],
    ],
  };
}

export function smsSender(transport: TSmsTransport = smsTransport()): TChannelSender {
  const base = readEnv().YISHI_PUBLIC_URL;
  return {
    channel: 'SMS',
    logOnly: transport.provider === 'log',
    address: (u) => u.phone,
    send: (to, n, deliveryId) => transport.send(to, smsNotice(n, base), String(deliveryId)),
    sendDigest: (to, notes) =>
      transport.send(to, {
        template: 'DIGEST',
        params: [
          ['count', String(notes.length)],
          ['link', `${base.replace(/\/$/, '')}/inbox`],
        ],
      }),
  };
}

export async function sendPendingSms(limit = 50, transport?: TSmsTransport) {
  return sendPendingDeliveries(smsSender(transport), limit);
}
