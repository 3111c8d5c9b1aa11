import 'server-only';
import { electionTransition } from '@/domain/elections/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { publishNotice } from '@/server/notices/publish';
import { requireElection } from './access';

const KIND_WORDS = { SELF: '自荐', RESIDENTS: '居民联名推荐', BRANCH: '党组织推荐', STAFF: '书面提名' } as const;

/**
 * Publishes the candidate list (decision 069): staff, while NOMINATING, with at least as many listed candidates as
 * seats. The list is fixed in the order the candidates were listed — the order 按姓氏笔画 is the custom, but strokes
 * cannot be computed reliably from names (variant and traditional forms, 多音字), so the order listed is used: a
 * nomination listed at once at its creation, a residents' nomination when its last needed seconder seconded. The list
 * goes to the board (category RESIDENTS, or PARTY for a party election) for `publicityDays`; objections run until the
 * notice's period ends.
 */
export async function publishCandidates(by: TBy, electionId: number): Promise<{ noticeId: number }> {
  return getDb().$transaction(async (tx) => {
    const { election: e } = await requireElection(by, electionId, 'manage', { db: tx, lock: 'update' });
    const listed = await tx.electionCandidate.findMany({
      where: { electionId, status: 'LISTED' },
      select: {
        id: true,
        kind: true,
        createdAt: true,
        statement: true,
        person: { select: { name: true } },
        seconders: { select: { at: true }, orderBy: { at: 'asc' } },
      },
      orderBy: { id: 'asc' },
    });
    const step = electionTransition(e.status, { type: 'PUBLISH_CANDIDATES', listed: listed.length, seats: e.seats });
    if (!step.ok) return refuse(step.code, { seats: e.seats, listed: listed.length });
    const listedAt = (c: (typeof listed)[number]) =>
      (c.kind === 'RESIDENTS' && e.secondersNeeded > 0 ? c.seconders[e.secondersNeeded - 1]?.at : null) ?? c.createdAt;
    const ordered = [...listed].sort((a, b) => listedAt(a).getTime() - listedAt(b).getTime() || a.id - b.id);
    for (const [i, c] of ordered.entries()) await tx.electionCandidate.update({ where: { id: c.id }, data: { listOrder: i + 1 } });
    const place = await tx.community.findUniqueOrThrow({
      where: { id: e.communityId },
      select: { streetId: true, street: { select: { districtId: true } } },
    });
    const seat = e.post ?? (e.bodyId ? (await tx.body.findUniqueOrThrow({ where: { id: e.bodyId }, select: { name: true } })).name : '');
    const body = [
      `${e.title}（${seat}，应选${e.seats}名）候选人名单如下：`,
      ...ordered.map((c, i) => `${i + 1}. ${c.person.name}（${KIND_WORDS[c.kind]}）${c.statement ? `：${c.statement}` : ''}`),
      `公示期${e.publicityDays}天。对候选人有异议的，请在公示期内通过“议事”选举页面提出，社区将逐一答复。`,
    ].join('\n');
    const notice = await publishNotice(tx, {
      kind: 'ANNOUNCEMENT',
      category: e.electorate === 'PARTY_MEMBERS' ? 'PARTY' : 'RESIDENTS',
      title: `${e.title}候选人名单公示`,
      body,
      place: { streetId: place.streetId, districtId: place.street.districtId, communityId: e.communityId, compoundId: e.compoundId },
      period: { days: e.publicityDays, unit: 'CALENDAR' },
      createdById: by.userId,
    });
    await tx.election.update({ where: { id: electionId }, data: { status: step.next, candidateNoticeId: notice.id } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'election.publishCandidates',
      entityType: 'Election',
      entityId: electionId,
      before: { status: e.status },
      after: { status: step.next, noticeId: notice.id, candidates: ordered.map((c) => c.id) },
      communityId: e.communityId,
      compoundId: e.compoundId,
    });
    return { noticeId: notice.id };
  });
}
