import 'server-only';
import { partyViewProblem, type TPartyView } from '@/domain/topics/party-first';
import type { TBy } from '@/server/accounts/by';
import { loadActor } from '@/server/auth/actor';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, todayDateOnly } from '@/server/today';
import { loadTopic, notifyTopic, requireStep, topicEvent, type TLoadedTopic } from './topic-core';

export type TPartyViewInput = TPartyView & { statement: string; heldOn?: string };

/**
 * The party members' view, at the end of a party-members-first step: how many were for, against and for amending,
 * and what they said. The step cannot be left without it (decision 052); after it, the topic opens to residents.
 */
export async function recordPartyView(by: TBy, topicId: number, input: TPartyViewInput) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'PARTY_FIRST');
  const problem = partyViewProblem(input);
  if (problem) refuse(problem);
  return getDb().$transaction(async (tx) => {
    const r = await tx.topicRecord.create({
      data: {
        topicId,
        stepIndex: t.topic.stepIndex,
        kind: 'PARTY_VIEW',
        statement: input.statement,
        participants: [by.label],
        heldOn: input.heldOn ? dateOnly(input.heldOn) : todayDateOnly(),
        votesFor: input.votesFor,
        votesAgainst: input.votesAgainst,
        votesAmend: input.votesAmend,
        byUserId: by.userId,
      },
    });
    const counts = `赞成 ${input.votesFor} · 反对 ${input.votesAgainst} · 修改 ${input.votesAmend}`;
    await topicEvent(tx, by, t.topic, 'PARTY_VIEW', `${counts}：${input.statement}`);
    await notifyTopic(tx, t.topic, 'topic.partyView', counts, by.userId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.partyView',
      entityType: 'TopicRecord',
      entityId: r.id,
      after: { topicId, votesFor: input.votesFor, votesAgainst: input.votesAgainst, votesAmend: input.votesAmend },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: r.id };
  });
}

/** Only those who run the topic by their place (topic.manage: the secretary, community staff) appoint or revoke its liaison. */
function requireManager(t: TLoadedTopic) {
  if (t.topic.status !== 'OPEN') refuse('topic.closed');
  if (!t.actors.has('COMMUNITY_STAFF') && !t.actors.has('BRANCH')) refuse('topic.notYourStep');
}

/** Someone with an account in the topic's community: a grant (home, party membership, body, staff post) at a place within it. */
async function inCommunity(userId: number, communityId: number): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
  if (!user || user.disabledAt) return false;
  const actor = await loadActor(userId);
  for (const g of actor.grants) if ((await ancestryOf(g.place))?.community === communityId) return true;
  return false;
}

/**
 * Appoints the topic's 协商联络人 (decision 052): one at a time (a second is refused until the first is revoked — two
 * appointments at once leave one), someone with an account in the topic's community; audited and on the timeline.
 */
export async function appointLiaison(by: TBy, topicId: number, userId: number) {
  const t = await loadTopic(by, topicId);
  requireManager(t);
  // The liaison runs the branch's steps beside those who appoint: appointing oneself would add nothing but a second hat.
  if (userId === by.userId) refuse('topic.liaisonSelf');
  if (t.topic.liaisonUserId !== null) refuse('topic.liaisonTaken');
  if (!(await inCommunity(userId, t.topic.communityId))) refuse('topic.liaisonOutside');
  const person = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { person: { select: { name: true } } } });
  await getDb().$transaction(async (tx) => {
    const set = await tx.topic.updateMany({ where: { id: topicId, liaisonUserId: null }, data: { liaisonUserId: userId } });
    if (set.count !== 1) refuse('topic.liaisonTaken');
    await topicEvent(tx, by, t.topic, 'LIAISON_APPOINTED', person.person.name);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.appointLiaison',
      entityType: 'Topic',
      entityId: topicId,
      before: { liaisonUserId: null },
      after: { liaisonUserId: userId },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
}

/** The form names the liaison by the phone of their account. */
export async function appointLiaisonByPhone(by: TBy, topicId: number, phone: string) {
  const user = await getDb().user.findUnique({ where: { phone }, select: { id: true } });
  return appointLiaison(by, topicId, user?.id ?? refuse('topic.liaisonOutside'));
}

export async function revokeLiaison(by: TBy, topicId: number) {
  const t = await loadTopic(by, topicId);
  requireManager(t);
  const was = t.topic.liaisonUserId ?? refuse('topic.liaisonNone');
  await getDb().$transaction(async (tx) => {
    const unset = await tx.topic.updateMany({ where: { id: topicId, liaisonUserId: was }, data: { liaisonUserId: null } });
    if (unset.count !== 1) refuse('topic.movedOn');
    await topicEvent(tx, by, t.topic, 'LIAISON_REVOKED');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.revokeLiaison',
      entityType: 'Topic',
      entityId: topicId,
      before: { liaisonUserId: was },
      after: { liaisonUserId: null },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
}
