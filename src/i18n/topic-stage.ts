type TWords = ((key: never) => string) & { has: (key: never) => boolean };

/**
 * A topic's stage in words, as the dashboards and their Excel export show it: 已完成 / 已撤回 once it ended (the stats
 * texts), else its step's name (the topics texts); the key itself only for a step the texts lack.
 */
export function topicStageWords(key: string | null, stats: TWords, topics: TWords): string {
  if (key === 'DONE' || key === 'WITHDRAWN') return stats(`topicStatus.${key}` as never);
  if (key && topics.has(`step.${key}` as never)) return topics(`step.${key}` as never);
  return key ?? '';
}
