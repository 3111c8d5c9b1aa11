import { getTranslations } from 'next-intl/server';
import type { TBy } from '@/server/accounts/by';
import { openPressesFor } from '@/server/topics/supervise';
import { AnswerPressForm } from './answer-press-form';

/** 催办 waiting for this reader's answer (decision 049): shown to the task's owner (a step's: its secretaries) only. */
export async function Presses({ topicId, by }: { topicId: number; by: TBy }) {
  const presses = await openPressesFor(by, topicId);
  if (presses.length === 0) return null;
  const t = await getTranslations('topics');
  return (
    <section aria-labelledby="presses" className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-3" data-testid="presses">
      <h2 id="presses" className="text-2xl font-semibold text-red-800">
        {t('supervise.press')}
      </h2>
      {presses.map((p) => (
        <div key={p.id} className="space-y-2">
          <p className="text-lg">
            {p.taskTitle ? `${p.taskTitle} · ` : ''}
            {t('supervise.pressedBy', { by: p.byLabel, message: p.message })}
          </p>
          <AnswerPressForm pressId={p.id} t={{ label: t('supervise.answerLabel'), answer: t('supervise.answer') }} />
        </div>
      ))}
    </section>
  );
}
