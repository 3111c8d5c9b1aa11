// Link previews read a page's share card (og: tags) from <head> without running scripts: for them Next renders the
// metadata before it streams (next.config.ts htmlLimitedBots), so their HTML differs from a browser's and the public
// page cache (scripts/public-cache.mjs) keeps the two apart. Next's own list knows no Chinese app: WeChat (and WeCom),
// QQ, DingTalk, Feishu/Lark and Weibo are added.
import { HTML_LIMITED_BOT_UA_RE } from 'next/dist/shared/lib/router/utils/html-bots.js';

export const HTML_LIMITED_BOTS = new RegExp(
  `${HTML_LIMITED_BOT_UA_RE.source}|MicroMessenger|WeChat|wxwork|QQ/|DingTalk|Feishu|Lark|Weibo`,
  'i',
);
