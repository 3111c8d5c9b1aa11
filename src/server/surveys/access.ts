import 'server-only';
import { can, isActive } from '@/domain/authz/can';
import { ROLE_PERMISSIONS, type TPermission } from '@/domain/authz/permissions';
import { surveyStatusAt, type TSurveyStatus } from '@/domain/surveys/status';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { livesWithin } from '@/server/accounts/scope';
import { getDb, type TTx } from '@/server/db';
import { branchSecretary, personOf } from '@/server/elections/access';
import { refuse } from '@/server/errors';
import { ancestryOf, keptAncestryOf } from '@/server/places/ancestry';

/** The survey row as every use case needs it. */
export const SURVEY = {
  id: true,
  communityId: true,
  compoundId: true,
  buildingId: true,
  kind: true,
  title: true,
  intro: true,
  anonymous: true,
  unit: true,
  status: true,
  opensAt: true,
  closesAt: true,
  topicId: true,
  resultNoticeId: true,
  createdAt: true,
} as const;

type TSurveyPlace = { communityId: number; compoundId: number | null; buildingId: number | null };

/** The survey's place: its building, else its compound, else its community. */
export const surveyAncestry = (s: TSurveyPlace, db?: TTx): Promise<TAncestry | null> =>
  ancestryOf(
    s.buildingId
      ? { level: 'building', id: s.buildingId }
      : s.compoundId
        ? { level: 'compound', id: s.compoundId }
        : { level: 'community', id: s.communityId },
    db,
  );

/** The place's name as residents know it (the building with its compound, the compound, or the community). */
export async function surveyPlaceName(s: TSurveyPlace, db: TTx = getDb()): Promise<string> {
  if (s.buildingId) {
    const b = await db.building.findUniqueOrThrow({
      where: { id: s.buildingId },
      select: { name: true, compound: { select: { name: true } } },
    });
    return `${b.compound.name}${b.name}`;
  }
  if (s.compoundId) return (await db.compound.findUniqueOrThrow({ where: { id: s.compoundId }, select: { name: true } })).name;
  return (await db.community.findUniqueOrThrow({ where: { id: s.communityId }, select: { name: true } })).name;
}

/** Whether the account's home (a building where it holds survey.answer) lies inside the survey's place. */
export async function livesInSurveyPlace(by: TBy, s: TSurveyPlace, ancestry: TAncestry): Promise<boolean> {
  if (!(await livesWithin(by, ancestry, 'survey.answer'))) return false;
  if (!s.buildingId) return true;
  // livesWithin compares compounds; a building's survey is for that building's residents only.
  return by.actor.grants.some(
    (g) =>
      g.place.level === 'building' &&
      g.place.id === s.buildingId &&
      isActive(g, by.today) &&
      (ROLE_PERMISSIONS[g.role] as readonly TPermission[]).includes('survey.answer'),
  );
}

/**
 * Who may do what on a survey: `manage` (survey.manage at its place, or the branch secretary of the place's party
 * organisation), `answer` (a resident living inside its place). Managers and residents read it; nobody else learns
 * whether it exists (the same refusal for a missing survey).
 */
export type TSurveyNeed = 'read' | 'answer' | 'manage';

export async function surveyRoles(by: TBy, s: TSurveyPlace, db?: TTx) {
  const ancestry = await surveyAncestry(s, db);
  if (!ancestry) return null;
  const personId = await personOf(by, db);
  const manages =
    can(by.actor, 'survey.manage', { ancestry }, by.today) ||
    (await branchSecretary(db ?? getDb(), by, { ...s, partyOrgId: null }, ancestry, personId));
  const answers = await livesInSurveyPlace(by, s, ancestry);
  return { ancestry, manages, answers, personId };
}

/** The one gate: the survey as the account may see it, with its status as of now; else `auth.forbidden`. */
export async function requireSurvey(by: TBy, id: number, need: TSurveyNeed, opts: { db?: TTx; lock?: 'update' | 'share' } = {}) {
  const db = opts.db ?? getDb();
  if (!Number.isSafeInteger(id) || id <= 0) return refuse('auth.forbidden');
  if (opts.lock === 'update') await db.$queryRaw`SELECT 1 FROM "Survey" WHERE "id" = ${id} FOR UPDATE`;
  if (opts.lock === 'share') await db.$queryRaw`SELECT 1 FROM "Survey" WHERE "id" = ${id} FOR SHARE`;
  const survey = await db.survey.findUnique({ where: { id }, select: SURVEY });
  const roles = survey ? await surveyRoles(by, survey, opts.db) : null;
  if (!survey || !roles) return refuse('auth.forbidden');
  const ok =
    need === 'manage' ? roles.manages : need === 'answer' ? roles.answers : roles.manages || (roles.answers && survey.status !== 'DRAFT');
  if (!ok) return refuse('auth.forbidden');
  return { survey, status: surveyStatusAt(survey as { status: TSurveyStatus; closesAt: Date }, new Date()), ...roles };
}

export type TSurveyRow = Awaited<ReturnType<typeof requireSurvey>>['survey'];

/** A place one may run surveys at (a community or a compound), for creating one. */
export async function placeForSurvey(by: TBy, place: { level: 'community' | 'compound'; id: number }, db: TTx) {
  const ancestry = await keptAncestryOf(place);
  if (!ancestry || !ancestry.community) return refuse('auth.forbidden');
  const s = { communityId: ancestry.community, compoundId: ancestry.compound ?? null, buildingId: null };
  const personId = await personOf(by, db);
  const manages =
    can(by.actor, 'survey.manage', { ancestry }, by.today) ||
    (await branchSecretary(db, by, { ...s, partyOrgId: null }, ancestry, personId));
  if (!manages) return refuse('auth.forbidden');
  return s;
}
