import 'server-only';
import { stakeholderGroupOf } from '@/domain/organisation/organisations';
import type { StakeholderGroup } from '@/generated/prisma/client';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { inForceOn } from '@/server/today';
import { actingAs, ANONYMOUS_LABEL } from '@/server/people/anonymity';
import { loadTopic, notifyTopic, requireParticipant, requireStep, topicEvent } from './topic-core';

export type TCandidate = {
  key: string;
  group: StakeholderGroup;
  label: string;
  personId?: number;
  bodyId?: number;
  partyOrgId?: number;
  organizationId?: number;
};

/**
 * The "1+4+X" picker: who could be invited, by group — the compound's party branch (1); the residents'
 * representatives, party-member representatives, owners' committee and property firm (4); co-building and
 * stationed units, nearby firms, social organisations and enterprises, residents' self-organisations (X) — each
 * organisation only while it is assigned to the compound or community.
 */
export async function stakeholderCandidates(by: TBy, topicId: number): Promise<TCandidate[]> {
  const t = await loadTopic(by, topicId);
  const db = getDb();
  const { communityId, compoundId } = t.topic;
  const here = compoundId ? { OR: [{ compoundId }, { communityId, compoundId: null }] } : { communityId, compoundId: null };
  const [branches, bodies, members, orgs] = await Promise.all([
    db.partyOrg.findMany({
      where: compoundId
        ? { compoundId, kind: 'COMPOUND_BRANCH', dissolvedOn: null }
        : { communityId, kind: { in: ['COMMUNITY_COMMITTEE', 'COMMUNITY_GENERAL_BRANCH', 'COMPOUND_BRANCH'] }, dissolvedOn: null },
      select: { id: true, name: true },
    }),
    db.body.findMany({
      where: { ...here, kind: { in: ['RESIDENTS_REPRESENTATIVES', 'OWNERS_COMMITTEE'] } },
      select: { id: true, name: true, kind: true },
    }),
    db.partyMember.findMany({
      where: { partyOrg: compoundId ? { compoundId } : { communityId } },
      take: 50,
      select: { personId: true, servicePost: true, person: { select: { name: true } } },
    }),
    db.organizationAssignment.findMany({
      // Only organisations serving the place today (from its first day to its last).
      where: { communityId, AND: [{ OR: [{ compoundId: null }, ...(compoundId ? [{ compoundId }] : [])] }, inForceOn(by.today)] },
      select: { relation: true, organization: { select: { id: true, name: true, kind: true } } },
    }),
  ]);
  const out: TCandidate[] = [
    ...branches.map((b) => ({ key: `org:${b.id}`, group: 'BRANCH' as const, label: b.name, partyOrgId: b.id })),
    ...bodies.map((b) => ({
      key: `body:${b.id}`,
      group: (b.kind === 'OWNERS_COMMITTEE' ? 'OWNERS_COMMITTEE' : 'RESIDENT_REPS') as StakeholderGroup,
      label: b.name,
      bodyId: b.id,
    })),
    ...members.map((m) => ({
      key: `person:${m.personId}`,
      group: 'PARTY_REPS' as const,
      label: m.servicePost ? `${m.person.name}（${m.servicePost}）` : m.person.name,
      personId: m.personId,
    })),
    ...orgs.map((o) => ({
      key: `firm:${o.organization.id}`,
      group: stakeholderGroupOf(o.organization.kind) as StakeholderGroup,
      label: o.organization.name,
      organizationId: o.organization.id,
    })),
  ];
  return [...new Map(out.map((c) => [c.key, c])).values()];
}

/** Invites the chosen candidates (keys from the picker); those already invited are left as they are. */
export async function inviteStakeholders(by: TBy, topicId: number, keys: string[]) {
  const t = await loadTopic(by, topicId);
  if (t.topic.status !== 'OPEN') refuse('topic.closed');
  if (!t.actors.has('COMMUNITY_STAFF') && !t.actors.has('BRANCH') && !t.actors.has('LIAISON')) refuse('topic.notYourStep');
  const candidates = new Map((await stakeholderCandidates(by, topicId)).map((c) => [c.key, c]));
  const picked = keys.map((k) => candidates.get(k) ?? refuse('topic.stakeholderUnknown'));
  if (picked.length === 0) refuse('topic.stakeholderNone');
  const db = getDb();
  const existing = await db.stakeholder.findMany({
    where: { topicId },
    select: { personId: true, bodyId: true, partyOrgId: true, organizationId: true },
  });
  const key = (s: { personId?: number | null; bodyId?: number | null; partyOrgId?: number | null; organizationId?: number | null }) =>
    `${s.personId ?? ''}|${s.bodyId ?? ''}|${s.partyOrgId ?? ''}|${s.organizationId ?? ''}`;
  const have = new Set(existing.map(key));
  const fresh = picked.filter((p) => !have.has(key(p)));
  await db.$transaction(async (tx) => {
    for (const p of fresh) {
      await tx.stakeholder.create({
        data: {
          topicId,
          group: p.group,
          label: p.label,
          personId: p.personId,
          bodyId: p.bodyId,
          partyOrgId: p.partyOrgId,
          organizationId: p.organizationId,
          invitedById: by.userId,
        },
      });
    }
    await topicEvent(tx, by, t.topic, 'INVITED', fresh.map((p) => p.label).join('、'));
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.invite',
      entityType: 'Topic',
      entityId: topicId,
      after: { invited: fresh.map((p) => p.key) },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
  // Told after the invitation is stored (the audience includes them now).
  await db.$transaction((tx) => notifyTopic(tx, t.topic, 'topic.invited', fresh.map((p) => p.label).join('、'), by.userId));
  return { invited: fresh.length };
}

export type TSuggestionInput = { stance: 'SUPPORT' | 'OPPOSE' | 'AMEND'; body: string; anonymous: boolean; onBehalfOf?: string };

/**
 * A suggestion while ideas are gathered: from a stakeholder or a resident of the place, or entered by
 * staff for someone met face to face. Anonymous means what it means for issues: nobody but the author
 * ever learns who gave it (and staff entering one anonymously store nobody).
 */
export async function addSuggestion(by: TBy, topicId: number, input: TSuggestionInput) {
  const t = await loadTopic(by, topicId);
  // In a party-members-first step the party members give theirs: whoever may see the topic then is one of them (decision 052).
  const partyFirst = t.step.activity === 'PARTY_FIRST';
  requireStep(t, partyFirst ? 'PARTY_FIRST' : 'SUGGESTIONS', { anyActor: true });
  const staff = t.actors.has('COMMUNITY_STAFF') || t.actors.has('BRANCH');
  if (input.onBehalfOf && !staff) refuse('auth.forbidden');
  if (!input.onBehalfOf && !partyFirst) await requireParticipant(by, t);
  const db = getDb();
  const onBehalf = input.onBehalfOf ? (input.anonymous ? null : input.onBehalfOf) : null;
  const label = input.anonymous ? ANONYMOUS_LABEL : onBehalf ? `${by.label}（代${onBehalf}记录）` : by.label;
  return db.$transaction(async (tx) => {
    const s = await tx.suggestion.create({
      data: {
        topicId,
        stepIndex: t.topic.stepIndex,
        authorUserId: input.onBehalfOf ? null : by.userId,
        anonymous: input.anonymous,
        enteredById: input.onBehalfOf ? by.userId : null,
        onBehalfName: onBehalf,
        stance: input.stance,
        body: input.body,
      },
    });
    const hidden = input.anonymous && !input.onBehalfOf;
    await topicEvent(tx, { userId: hidden ? null : by.userId, label }, t.topic, 'SUGGESTION', input.stance);
    const actor = actingAs(by, hidden);
    await writeAudit(tx, {
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'topic.suggest',
      entityType: 'Suggestion',
      entityId: s.id,
      after: { topicId, stance: input.stance, anonymous: input.anonymous },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: s.id };
  });
}
