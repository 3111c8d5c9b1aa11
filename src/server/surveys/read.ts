import type { TSurveyResults } from '@/domain/surveys/tally';
import 'server-only';
import { placedWhere } from '@/server/accounts/scope';
import { scopesOf } from '@/domain/authz/can';
import { surveyStatusAt, type TSurveyStatus } from '@/domain/surveys/status';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { keptAncestryOf } from '@/server/places/ancestry';
import { SURVEY, livesInSurveyPlace, requireSurvey, surveyAncestry, surveyPlaceName } from './access';
import { personOf } from '@/server/elections/access';
import { householdFor } from './answer';
import { questionsOf, tallyOf } from './results';

/** Surveys' reads (decision 073), each behind the same gate as the writes. */
const statusOf = (s: { status: string; closesAt: Date }) =>
  surveyStatusAt({ status: s.status as TSurveyStatus, closesAt: s.closesAt }, new Date());

export type TSurveyListItem = {
  id: number;
  title: string;
  kind: string;
  status: TSurveyStatus;
  closesAt: Date;
  place: string;
  answered: boolean;
};

/**
 * A resident's open surveys of the places around their home (and whether they answered), and the surveys a manager
 * runs (every status). Places one merely lives near are not listed for managing.
 */
export async function listSurveys(by: TBy): Promise<{ open: TSurveyListItem[]; managed: TSurveyListItem[]; canCreate: boolean }> {
  const db = getDb();
  const scopes = scopesOf(by.actor, 'survey.manage', by.today);
  const select = { ...SURVEY, respondents: { where: { userId: by.userId }, select: { userId: true } } } as const;
  const managedRows = scopes.length
    ? await db.survey.findMany({ where: { OR: scopes.map(placedWhere) }, select, orderBy: { id: 'desc' }, take: 100 })
    : [];
  const homes = by.actor.grants.filter((g) => g.place.level === 'building').map((g) => g.place.id);
  const homeAncestries = (await Promise.all(homes.map((id) => keptAncestryOf({ level: 'building', id })))).filter((a) => a !== null);
  const communities = [...new Set(homeAncestries.map((a) => a.community!).filter(Boolean))];
  const candidates = communities.length
    ? await db.survey.findMany({
        where: { communityId: { in: communities }, status: 'OPEN', closesAt: { gt: new Date() } },
        select,
        orderBy: { closesAt: 'asc' },
      })
    : [];
  const open = [];
  for (const s of candidates) {
    const ancestry = await surveyAncestry(s);
    if (ancestry && (await livesInSurveyPlace(by, s, ancestry))) open.push(s);
  }
  const item = async (s: (typeof candidates)[number]): Promise<TSurveyListItem> => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    status: statusOf(s),
    closesAt: s.closesAt,
    place: await surveyPlaceName(s),
    answered: s.respondents.length > 0,
  });
  return { open: await Promise.all(open.map(item)), managed: await Promise.all(managedRows.map(item)), canCreate: scopes.length > 0 };
}

/** The survey page: its questions; for residents whether they (their household) answered; results for managers, and for residents once published. */
export async function getSurveyView(by: TBy, surveyId: number) {
  const { survey, status, manages, answers } = await requireSurvey(by, surveyId, 'read');
  const db = getDb();
  const [questions, place, responses] = await Promise.all([
    questionsOf(surveyId),
    surveyPlaceName(survey),
    db.surveyResponse.count({ where: { surveyId } }),
  ]);
  let answered = false;
  if (answers) {
    const household = survey.unit === 'HOUSEHOLD' ? await householdFor(db, by, survey, await personOf(by)) : null;
    answered =
      (await db.surveyRespondent.count({
        where: { surveyId, OR: [{ userId: by.userId }, ...(household ? [{ householdId: household }] : [])] },
      })) > 0;
  }
  const showResults = manages || survey.resultNoticeId !== null;
  return {
    survey: { ...survey, status },
    place,
    questions,
    responses,
    answered,
    // Written answers are counted for residents, never shown: free text is what could tell who wrote it (decision 073).
    results: showResults && status !== 'DRAFT' ? forReader((await tallyOf(surveyId)).results, manages) : null,
    can: {
      manage: manages,
      edit: manages && status === 'DRAFT',
      answer: answers && status === 'OPEN' && !answered,
      open: manages && status === 'DRAFT',
      close: manages && survey.status === 'OPEN',
      publish: manages && status === 'CLOSED' && survey.resultNoticeId === null,
      export: manages && status !== 'DRAFT',
    },
  };
}

/** The places one may create a survey at: the communities and compounds under one's survey.manage. */
export async function surveyPlaces(by: TBy): Promise<{ value: string; label: string }[]> {
  const db = getDb();
  const scopes = scopesOf(by.actor, 'survey.manage', by.today).filter((p) => p.level === 'community' || p.level === 'compound');
  const out: { value: string; label: string }[] = [];
  for (const p of scopes) {
    if (p.level === 'community') {
      const c = await db.community.findUnique({
        where: { id: p.id },
        select: { name: true, compounds: { select: { id: true, name: true }, orderBy: { id: 'asc' } } },
      });
      if (!c) continue;
      out.push({ value: `community:${p.id}`, label: c.name });
      for (const k of c.compounds) out.push({ value: `compound:${k.id}`, label: `${c.name} · ${k.name}` });
    } else {
      const k = await db.compound.findUnique({ where: { id: p.id }, select: { name: true } });
      if (k) out.push({ value: `compound:${p.id}`, label: k.name });
    }
  }
  return out;
}

function forReader(r: TSurveyResults, manages: boolean): TSurveyResults {
  if (manages) return r;
  return { ...r, questions: r.questions.map((q) => (q.type === 'TEXT' ? { ...q, texts: [] } : q)) };
}
