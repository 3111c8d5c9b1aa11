import { getFormatter, getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import type { TBy } from '@/server/accounts/by';
import { discussionFor, type TShownComment } from '@/server/topics/discussion-read';
import { Section } from './topic-sections';
import { CommentForm, HideCommentForm, SummaryForm } from './discussion-forms';

/**
 * 线上协商 (decision 059): the thread of each step round (a step entered again has a new one), newest first; post, reply,
 * hide and summarise where one may.
 */
export async function Discussion({ topicId, by, steps }: { topicId: number; by: TBy; steps: readonly { key: string }[] }) {
  const d = await discussionFor(by, topicId);
  if (!d) return null;
  const t = await getTranslations('topics.discussion');
  const l = await labels('topics.discussion');
  const format = await getFormatter();
  const tt = await getTranslations('topics');
  const stepName = (i: number) => tt(`step.${steps[i]?.key ?? 'raise'}` as 'step.raise');
  const roundKey = (r: { stepIndex: number; stepStartedAt: Date }) => `${r.stepIndex}:${r.stepStartedAt.getTime()}`;
  const rounds = [d, ...d.comments]
    .filter((r, i, all) => all.findIndex((o) => roundKey(o) === roundKey(r)) === i)
    .sort((a, b) => b.stepStartedAt.getTime() - a.stepStartedAt.getTime());
  const one = (c: TShownComment, reply: boolean) => (
    <li
      key={c.id}
      className={`space-y-1 rounded-lg border border-stone-200 bg-white p-3 ${reply ? 'ml-4' : ''}`}
      data-testid={`comment-${c.id}`}
    >
      <p className="text-base text-stone-700">
        <span className="font-semibold" data-testid="comment-author">
          {c.by}
        </span>{' '}
        · {format.dateTime(c.at, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' })}
      </p>
      {c.hidden && (
        <p className="text-base font-semibold text-amber-900" data-testid="comment-hidden">
          {c.hidden.reason ? t('hiddenWhy', { reason: c.hidden.reason }) : t('hidden')}
        </p>
      )}
      {c.body !== null && <p className={`whitespace-pre-wrap text-lg ${c.hidden ? 'text-stone-600' : ''}`}>{c.body}</p>}
      {d.moderates && !c.hidden && (
        <details>
          <summary className="min-h-12 cursor-pointer py-2 text-lg">{t('hide')}</summary>
          <HideCommentForm commentId={c.id} t={l} />
        </details>
      )}
      {!reply && c.replies.length > 0 && <ul className="space-y-2">{c.replies.map((r) => one(r, true))}</ul>}
      {!reply && d.mayPost && c.current && !c.hidden && (
        <details>
          <summary className="min-h-12 cursor-pointer py-2 text-lg">{t('reply')}</summary>
          <CommentForm topicId={topicId} stepIndex={d.stepIndex} parentId={c.id} t={l} />
        </details>
      )}
    </li>
  );
  return (
    <Section id="discussion" title={t('title')}>
      <p className="text-lg text-stone-700">{t('intro')}</p>
      {rounds.map((r) => {
        const i = r.stepIndex;
        const thread = d.comments.filter((c) => roundKey(c) === roundKey(r));
        return (
          <div key={roundKey(r)} className="space-y-2" data-testid={`discussion-step-${i}`}>
            <h3 className="text-xl font-semibold">{t('step', { n: i + 1, name: stepName(i) })}</h3>
            {thread.length === 0 ? (
              <p className="text-lg">{t('none')}</p>
            ) : (
              <ul className="space-y-2">{thread.map((c) => one(c, false))}</ul>
            )}
          </div>
        );
      })}
      {d.mayPost && (
        <div data-testid="discussion-new">
          <CommentForm topicId={topicId} stepIndex={d.stepIndex} t={l} />
        </div>
      )}
      {!d.open && <p className="text-lg">{t('closed')}</p>}
      {d.maySummarise && (
        <details className="rounded-lg border border-stone-300 p-2" data-testid="discussion-summary">
          <summary className="min-h-12 cursor-pointer py-2 text-lg">{t('summary')}</summary>
          <SummaryForm topicId={topicId} stepIndex={d.stepIndex} t={l} />
        </details>
      )}
    </Section>
  );
}
