import 'server-only';
import type { TNoticeKind } from '@/domain/topics/procedure';
import { formatYuan } from '@/domain/shared/money';
import type { TTx } from '@/server/db';
import { bodyNameOf, describeView, motionResultView, resultText, votesZh } from '@/server/votes/describe';
import { publicUrl } from '@/env';
import { lockChain, publishNotice } from '@/server/notices/publish';
import { fromDateOnly } from '@/server/today';

type TTopicRow = {
  id: number;
  title: string;
  districtId: number;
  streetId: number;
  communityId: number;
  compoundId: number | null;
  actualCostFen: number | null;
};

const TITLE: Record<TNoticeKind, string> = {
  PLAN: '方案公示',
  ANNOUNCEMENT: '业主大会公告',
  DECISION: '决定公告',
  OPINION: '协商意见公示',
  RESULT: '落实结果公示',
  FINANCE: '预算与实际支出公示',
};

/**
 * A notice a step publishes on leaving (the notice board shows it; its objections come with that
 * capability). The text is built from what the topic recorded — plan, vote, tasks, money — so that a
 * resident who never signed in can read what was decided and why.
 */
export async function publishTopicNotice(tx: TTx, topic: TTopicRow, kind: TNoticeKind, by: number | null, stepIndex: number) {
  // One notice per topic, step and kind (a unique key): under the board's lock, a second publication
  // (a double tap, or the step's button and then its completion) finds the first and returns it.
  await lockChain(tx);
  // A step walked again after the topic was sent back (a failed vote, a revised plan) publishes anew.
  const round = await tx.topicEvent.count({ where: { topicId: topic.id, type: 'RETURNED' } });
  const published = await tx.notice.findUnique({ where: { topicId_stepIndex_kind_round: { topicId: topic.id, stepIndex, kind, round } } });
  if (published) return { notice: published, fresh: false };
  const plan =
    (await tx.planVersion.findFirst({ where: { topicId: topic.id, frozenAt: { not: null } }, orderBy: { version: 'desc' } })) ??
    (await tx.planVersion.findFirst({ where: { topicId: topic.id }, orderBy: { version: 'desc' } }));
  const lines: string[] = [];
  const budgetLines = plan
    ? (plan.budgetLines as { item: string; amountFen: number }[]).map((l) => `  ${l.item}：${formatYuan(l.amountFen)} 元`)
    : [];
  const funding = plan
    ? (plan.funding as { source: string; amountFen: number }[]).map((f) => `${f.source} ${formatYuan(f.amountFen)} 元`)
    : [];
  const planLines = plan
    ? [
        `方案：${plan.title}（第 ${plan.version} 版）`,
        plan.body,
        ...(plan.budgetFen !== null ? [`预算：${formatYuan(plan.budgetFen)} 元`, ...budgetLines] : []),
        ...(funding.length ? [`资金来源：${funding.join('；')}`] : []),
      ]
    : [];
  if (kind === 'PLAN' || kind === 'ANNOUNCEMENT') lines.push(...planLines);
  if (kind === 'DECISION') {
    lines.push(...planLines);
    const motion = await tx.motion.findFirst({ where: { topicId: topic.id, status: { not: 'OPEN' } }, orderBy: { id: 'desc' } });
    const view = motion ? motionResultView(motion, await bodyNameOf(tx, motion.bodyId)) : null;
    if (motion && view) {
      // Everything the result carries; the tally's hash goes into the notice and so into the board's hash chain.
      lines.push('表决结果：', resultText(describeView(view)));
      if (motion.tallyHash)
        lines.push(
          votesZh('result.hash', { hash: motion.tallyHash }),
          votesZh('result.recheck', { url: publicUrl(`/motions/${motion.id}`) }),
        );
    }
  }
  if (kind === 'OPINION') {
    const r = await tx.topicRecord.findFirst({ where: { topicId: topic.id, kind: 'OPINION', withdrawnAt: null }, orderBy: { id: 'desc' } });
    if (r) lines.push(r.statement, `参加：${r.participants.join('、')}`);
  }
  if (kind === 'RESULT' || kind === 'FINANCE') {
    for (const t of await tx.topicTask.findMany({ where: { topicId: topic.id, withdrawnAt: null }, orderBy: { id: 'asc' } })) {
      lines.push(
        `${t.title}（${t.responsible}）：${t.status === 'ACCEPTED' ? '已完成并经受益居民验收' : t.status === 'DONE' ? '已完成' : '进行中'}`,
      );
    }
  }
  if (kind === 'FINANCE') {
    lines.push(...planLines.filter((l) => l.startsWith('预算') || l.startsWith('  ') || l.startsWith('资金来源')));
    const bids = await tx.bid.findMany({ where: { topicId: topic.id }, orderBy: { amountFen: 'asc' } });
    if (bids.length)
      lines.push(`比选：${bids.map((b) => `${b.contractor} ${formatYuan(b.amountFen)} 元${b.chosen ? '（选定）' : ''}`).join('；')}`);
    for (const e of await tx.expense.findMany({ where: { topicId: topic.id }, orderBy: { paidOn: 'asc' } })) {
      lines.push(`支出：${e.item} ${formatYuan(e.amountFen)} 元（${fromDateOnly(e.paidOn)}${e.receiptName ? '，附票据' : ''}）`);
    }
    if (plan?.budgetFen != null && topic.actualCostFen !== null) {
      const saved = plan.budgetFen - topic.actualCostFen;
      lines.push(
        `预算 ${formatYuan(plan.budgetFen)} 元，实际支出 ${formatYuan(topic.actualCostFen)} 元，${saved >= 0 ? `节约 ${formatYuan(saved)} 元` : `超支 ${formatYuan(-saved)} 元`}。`,
      );
    }
  }
  const notice = await publishNotice(tx, {
    topicId: topic.id,
    stepIndex,
    round,
    kind,
    category: kind === 'FINANCE' ? 'FINANCE' : 'RESIDENTS',
    title: `${topic.title}：${TITLE[kind]}`,
    body: lines.filter(Boolean).join('\n'),
    place: { streetId: topic.streetId, communityId: topic.communityId, compoundId: topic.compoundId, districtId: topic.districtId },
    createdById: by,
  });
  return { notice, fresh: true };
}
