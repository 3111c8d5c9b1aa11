import type { TOutcome } from '@/server/messages/channel';

/**
 * An SMS as the providers take it: a template approved at the provider (by its id), filled with parameters. Chinese
 * providers send no free text: each template is registered with the sign name (签名) and approved beforehand.
 * Parameters are named and ordered: Alibaba takes them as a JSON object by name, Tencent as a list in order.
 */
export type TSmsTemplate = 'NOTIFY' | 'CODE' | 'DIGEST';
export type TSmsMessage = { template: TSmsTemplate; params: [name: string, value: string][] };

export type TSmsConfig = {
  keyId: string;
  keySecret: string;
  signName: string;
  templates: Record<TSmsTemplate, string>;
  /** The API's base URL: the provider's by default, a local server in tests. */
  endpoint?: string;
  /** Tencent: the SmsSdkAppId and the region. */
  appId?: string;
  region?: string;
};

export type TSmsTransport = {
  provider: 'log' | 'aliyun' | 'tencent';
  /** `ref` is our id of the message (the delivery row), sent as Alibaba's OutId / Tencent's SessionContext. */
  send: (phone: string, message: TSmsMessage, ref?: string) => Promise<TOutcome>;
};

/** A provider's answer we could not read, or no answer at all: try again later. */
export const unreachable = (e: unknown): TOutcome => ({ ok: false, retry: true, code: (e as { code?: string }).code ?? 'UNREACHABLE' });
