/**
 * A survey's life (decision 073): DRAFT → OPEN → CLOSED. Opening needs a question and a closing time still ahead; a
 * survey past its closing time is CLOSED when read (no job needed) and takes no answers. Results are published to the
 * board once, after it closed. Pure: "now" is passed in.
 */
export type TSurveyStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

export type TSurveyEvent =
  | { type: 'EDIT' }
  | { type: 'OPEN'; questions: number; closesAt: Date }
  | { type: 'CLOSE' }
  | { type: 'ANSWER' }
  | { type: 'PUBLISH'; published: boolean };

export type TSurveyTransition = { ok: true; next: TSurveyStatus } | { ok: false; code: string };

/** The status as it stands at `now`: an OPEN survey past its closing time is CLOSED. */
export function surveyStatusAt(s: { status: TSurveyStatus; closesAt: Date }, now: Date): TSurveyStatus {
  return s.status === 'OPEN' && s.closesAt.getTime() <= now.getTime() ? 'CLOSED' : s.status;
}

export function surveyTransition(s: { status: TSurveyStatus; closesAt: Date }, event: TSurveyEvent, now: Date): TSurveyTransition {
  const status = surveyStatusAt(s, now);
  const no = (code: string): TSurveyTransition => ({ ok: false, code });
  switch (event.type) {
    case 'EDIT':
      return status === 'DRAFT' ? { ok: true, next: 'DRAFT' } : no('survey.notDraft');
    case 'OPEN':
      if (status !== 'DRAFT') return no('survey.notDraft');
      if (event.questions < 1) return no('survey.noQuestions');
      if (event.closesAt.getTime() <= now.getTime()) return no('survey.closesInPast');
      return { ok: true, next: 'OPEN' };
    case 'CLOSE':
      // Closing a survey already past its time records what is already true.
      return s.status === 'OPEN' ? { ok: true, next: 'CLOSED' } : no('survey.notOpen');
    case 'ANSWER':
      if (status === 'OPEN') return { ok: true, next: 'OPEN' };
      return no(status === 'CLOSED' ? 'survey.closed' : 'survey.notOpen');
    case 'PUBLISH':
      if (status !== 'CLOSED') return no('survey.publishWhenClosed');
      if (event.published) return no('survey.published');
      return { ok: true, next: 'CLOSED' };
  }
}
