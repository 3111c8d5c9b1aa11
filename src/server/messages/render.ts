import zhIssues from '../../../messages/zh-CN/issues.json';
import zhTopics from '../../../messages/zh-CN/topics.json';
import type { TNote } from './channel';

/** How a notification is worded outside the app (e-mail, SMS): in Chinese, the residents' language. */
const KIND = zhIssues.inbox.kind as Record<string, string>;
const SOON = zhIssues.soon as Record<string, string>;
const LEVEL = zhIssues.level as Record<string, string>;
const STEP = zhTopics.step as Record<string, string>;

export const noteWhat = (kind: string) => KIND[kind.replace('.', '_')] ?? '议事通知';

/** Some notifications carry a code as their body (a deadline, a level, a step): said in words. */
export function bodyWords(kind: string, body: string): string {
  if (kind === 'issue.reminder') return SOON[body] ?? body;
  if (kind === 'issue.escalate' && LEVEL[body]) return zhIssues.event.ESCALATE.replace('{level}', LEVEL[body]);
  if (kind === 'topic.step' || kind === 'topic.done') return STEP[body] ?? body;
  return body;
}

/** The absolute link a message leads to. */
export function noteLink(n: Pick<TNote, 'link' | 'topicId' | 'issueId'>, baseUrl: string): string {
  const root = baseUrl.replace(/\/$/, '');
  if (n.link) return `${root}${n.link}`;
  if (n.topicId) return `${root}/topics/${n.topicId}`;
  if (n.issueId) return `${root}/issues/${n.issueId}`;
  return baseUrl;
}
