import 'server-only';
import { checkAnswers, type TAnswerInput } from '@/domain/surveys/questions';
import { surveyTransition, type TSurveyStatus } from '@/domain/surveys/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { personOf } from '@/server/elections/access';
import { refuse, UseCaseError } from '@/server/errors';
import { thisYear, todayDateOnly } from '@/server/today';
import { SURVEY, surveyAncestry, surveyPlaceName, livesInSurveyPlace, type TSurveyRow } from './access';
import { questionsOf } from './results';

/**
 * A resident answers (decision 073). Refused in words, nothing written: outside the place, unverified, not open or
 * past its closing time, a household survey without an adult home in the place, answers that do not fit the questions,
 * a second answer (the database's unique keys decide between two at once). An anonymous survey's response names
 * nobody and carries only the day; its audit row names the survey only.
 */
const householdsOfPlace = (s: Pick<TSurveyRow, 'communityId' | 'compoundId' | 'buildingId'>) =>
  s.buildingId
    ? { buildingId: s.buildingId }
    : s.compoundId
      ? { building: { compoundId: s.compoundId } }
      : { building: { compound: { communityId: s.communityId } } };

/** The household an adult answers for: where they live (an adult today) or their approved claim, inside the place. */
export async function householdFor(
  tx: Pick<TTx, 'residency' | 'householdClaim'>,
  by: TBy,
  s: Pick<TSurveyRow, 'communityId' | 'compoundId' | 'buildingId'>,
  personId: number | null,
): Promise<number | null> {
  const day = todayDateOnly();
  const household = householdsOfPlace(s);
  const adultBorn = thisYear() - 18;
  const [lives, claims] = await Promise.all([
    personId
      ? tx.residency.findMany({
          where: {
            personId,
            household,
            OR: [{ until: null }, { until: { gte: day } }],
            person: { OR: [{ birthYear: null }, { birthYear: { lte: adultBorn } }] },
          },
          select: { householdId: true },
        })
      : [],
    tx.householdClaim.findMany({ where: { userId: by.userId, status: 'APPROVED', household }, select: { householdId: true } }),
  ]);
  const ids = [...new Set([...lives, ...claims].map((h) => h.householdId))].sort((a, b) => a - b);
  return ids[0] ?? null;
}

export async function answerSurvey(by: TBy, surveyId: number, given: TAnswerInput[]): Promise<{ surveyId: number }> {
  try {
    return await getDb().$transaction(async (tx) => {
      if (!Number.isSafeInteger(surveyId) || surveyId <= 0) return refuse('auth.forbidden');
      await tx.$queryRaw`SELECT 1 FROM "Survey" WHERE "id" = ${surveyId} FOR SHARE`;
      const survey = await tx.survey.findUnique({ where: { id: surveyId }, select: SURVEY });
      const ancestry = survey && survey.status !== 'DRAFT' ? await surveyAncestry(survey, tx) : null;
      if (!survey || !ancestry) return refuse('auth.forbidden');
      const account = await tx.user.findUniqueOrThrow({ where: { id: by.userId }, select: { verifiedAt: true } });
      if (!account.verifiedAt) return refuse('survey.unverified');
      if (!(await livesInSurveyPlace(by, survey, ancestry)))
        return refuse('survey.outsidePlace', { place: await surveyPlaceName(survey, tx) });
      const t = surveyTransition({ status: survey.status as TSurveyStatus, closesAt: survey.closesAt }, { type: 'ANSWER' }, new Date());
      if (!t.ok) return refuse(t.code);
      const personId = await personOf(by, tx);
      // The home in the place: the household answered for (HOUSEHOLD), or the named respondent's room for staff to read.
      const home = survey.unit === 'HOUSEHOLD' || !survey.anonymous ? await householdFor(tx, by, survey, personId) : null;
      const householdId = survey.unit === 'HOUSEHOLD' ? home : null;
      if (survey.unit === 'HOUSEHOLD' && !householdId) return refuse('survey.noHousehold');
      const already = await tx.surveyRespondent.count({
        where: { surveyId, OR: [{ userId: by.userId }, ...(householdId ? [{ householdId }] : [])] },
      });
      if (already) return refuse('survey.answered');
      const checked = checkAnswers(await questionsOf(surveyId, tx), given);
      if (!checked.ok) return refuse(checked.code, { no: checked.position });
      const answeredOn = todayDateOnly();
      await tx.surveyRespondent.create({ data: { surveyId, userId: by.userId, householdId, answeredOn } });
      const response = await tx.surveyResponse.create({
        data: {
          surveyId,
          answeredOn,
          userId: survey.anonymous ? null : by.userId,
          householdId: survey.anonymous ? null : home,
        },
        select: { id: true },
      });
      await tx.surveyAnswer.createMany({ data: checked.answers.map((a) => ({ ...a, responseId: response.id })) });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'survey.answer',
        entityType: 'Survey',
        // The survey only: an anonymous response's id next to the account would undo the anonymity.
        entityId: surveyId,
        after: survey.anonymous ? { anonymous: true } : { anonymous: false, responseId: response.id },
        communityId: survey.communityId,
        compoundId: survey.compoundId,
      });
      return { surveyId };
    });
  } catch (e) {
    // Two submits at once: the second meets the respondent's unique key (per account, per household).
    if (!(e instanceof UseCaseError) && (e as { code?: string }).code === 'P2002') return refuse('survey.answered');
    // Closed between the check and the insert: the database's trigger refused it.
    if (!(e instanceof UseCaseError) && String((e as Error).message).includes('takes no answers')) return refuse('survey.closed');
    throw e;
  }
}
