import 'server-only';
import { getDb } from '@/server/db';

export type TWaitingVote = { motionId: number; title: string | null; topicId: number; topicTitle: string; closesAt: Date | null };

/**
 * The votes waiting for a person (issue 20, item 9): open motions whose frozen roll holds them and in which they have
 * cast no ballot — the electronic ballot's voter key is the person. Only votes cast on the phone (not a show of hands,
 * counted at the meeting) whose voting has begun (owners vote after the notice days): as the reminders choose them.
 * Soonest to close first.
 */
export async function votesWaitingFor(personId: number): Promise<TWaitingVote[]> {
  return getDb().$queryRaw<TWaitingVote[]>`
    SELECT m.id AS "motionId", m.title, t.id AS "topicId", t.title AS "topicTitle", m."closesAt"
      FROM "Motion" m
      JOIN "Topic" t ON t.id = m."topicId"
      JOIN "MotionVoter" v ON v."motionId" = m.id AND v."voterKey" = ${personId}
     WHERE m.status = 'OPEN'
       AND m.mode <> 'SHOW_OF_HANDS'
       AND (m."votingFrom" IS NULL OR m."votingFrom" <= now())
       AND NOT EXISTS (SELECT 1 FROM "Ballot" b WHERE b."motionId" = m.id AND b."voterKey" = ${personId})
     ORDER BY m."closesAt" ASC NULLS LAST, m.id`;
}
