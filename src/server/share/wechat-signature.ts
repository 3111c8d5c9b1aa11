import { createHash } from 'node:crypto';

export type TJsSdkSigned = { ticket: string; nonceStr: string; timestamp: number; url: string };

/**
 * The WeChat JS-SDK signature of a page (JS-SDK 说明文档, 附录1 JS-SDK使用权限签名算法): the four fields in ASCII order of
 * their names as key=value pairs joined by "&", raw (not URL-escaped), the url without "#" and what follows; sha1, hex.
 */
export function jsSdkSignature(s: TJsSdkSigned): string {
  const url = s.url.split('#')[0];
  return createHash('sha1').update(`jsapi_ticket=${s.ticket}&noncestr=${s.nonceStr}&timestamp=${s.timestamp}&url=${url}`).digest('hex');
}
