import { expect, test } from 'vitest';
import { jsSdkSignature } from '@/server/share/wechat-signature';

/**
 * Issue 20, item 1: the WeChat JS-SDK signature (JS-SDK 说明文档, 附录1 签名算法): sha1 of
 * "jsapi_ticket=…&noncestr=…&timestamp=…&url=…" — keys in ASCII order, values raw, the url without its #fragment.
 */
const SAMPLE = {
  ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
  nonceStr: 'Wm3WZYTPz0wzccnW',
  timestamp: 1414587457,
};

test.each([
  ['WeChat’s documented sample', 'http://mp.weixin.qq.com?params=value', '0f9de62fce790f9a083d5c99e95740ceb90c27ed'],
  [
    'the same page with a #fragment (signed without it)',
    'http://mp.weixin.qq.com?params=value#top',
    '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
  ],
])('%s', (_, url, signature) => {
  expect(jsSdkSignature({ ...SAMPLE, url })).toBe(signature);
});

test('another url, nonce or time gives another signature', () => {
  const base = jsSdkSignature({ ...SAMPLE, url: 'http://mp.weixin.qq.com?params=value' });
  expect(jsSdkSignature({ ...SAMPLE, url: 'http://mp.weixin.qq.com?params=other' })).not.toBe(base);
  expect(jsSdkSignature({ ...SAMPLE, nonceStr: 'x', url: 'http://mp.weixin.qq.com?params=value' })).not.toBe(base);
  expect(jsSdkSignature({ ...SAMPLE, timestamp: 1, url: 'http://mp.weixin.qq.com?params=value' })).not.toBe(base);
});
