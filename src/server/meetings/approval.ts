import 'server-only';
import { can, scopesOf } from '@/domain/authz/can';
import { approvalOnCreate as startingApproval, isOpen, type TApproval } from '@/domain/meetings/approval';
import type { TMeetingKind } from '@/domain/meetings/meetings';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { authorize } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';
import { ancestryOf } from '@/server/places/ancestry';
import { inForceOn, today } from '@/server/today';

/** What createMeeting writes on a new meeting (decision 067): open or not, and where it stands in 申报 → 指导. */
export type TGate = {
  open: boolean;
  approval: TApproval | null;
  proposedByPartyOrgId: number | null;
  approvedById: number | null;
  approvedAt: Date | null;
};

type TGateInput = { kind: TMeetingKind; communityId: number; compoundId?: number; open?: boolean };

const placeOf = (m: { communityId: number; compoundId?: number | null }) =>
  ancestryOf(m.compoundId ? { level: 'compound', id: m.compoundId } : { level: 'community', id: m.communityId });

/**
 * Schedules as a branch: runs meetings at the place through a branch secretary's grant, and not as the community's (or
 * street's, district's) staff. Other posts held at the compound (an owners' committee chair, as 王秀英 is) do not
 * make a branch secretary staff: their 主题党日 is still proposed.
 */
function branchOnly(by: TBy, ancestry: TAncestry) {
  const only = (keep: (g: (typeof by.actor.grants)[number]) => boolean) => ({
    userId: by.actor.userId,
    grants: by.actor.grants.filter(keep),
  });
  const branch = can(
    only((g) => g.role === 'BRANCH_SECRETARY'),
    'meeting.manage',
    { ancestry },
    by.today,
  );
  const staff = can(
    only((g) => g.role !== 'BRANCH_SECRETARY' && ['community', 'street', 'district'].includes(g.place.level)),
    'meeting.manage',
    { ancestry },
    by.today,
  );
  return branch && !staff;
}

async function personOf(tx: TTx, by: TBy) {
  return by.personId ?? (await tx.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } })).personId;
}

/** The party organisation a 主题党日 is of: the secretary's own branch at the place, else (staff) the place's branch. */
async function partyOrgFor(tx: TTx, by: TBy, input: TGateInput, asBranch: boolean): Promise<number | null> {
  const where = input.compoundId ? { compoundId: input.compoundId } : { communityId: input.communityId };
  const own = await tx.partyOrgMember.findFirst({
    where: { personId: await personOf(tx, by), position: 'SECRETARY', ...inForceOn(today()), partyOrg: { dissolvedOn: null, ...where } },
    orderBy: { id: 'asc' },
    select: { partyOrgId: true },
  });
  if (own || asBranch) return own?.partyOrgId ?? null;
  const org = await tx.partyOrg.findFirst({ where: { dissolvedOn: null, ...where }, orderBy: { id: 'asc' }, select: { id: true } });
  return org?.id ?? null;
}

/**
 * Called by createMeeting: open from the form (or the district type, decision 066), and the approval — a branch
 * secretary's 主题党日 is PROPOSED by their branch (nobody invited, not announced); staff approve their own at once.
 */
export async function approvalOnCreate(tx: TTx, by: TBy, input: TGateInput): Promise<TGate> {
  const typeId = (input as { typeId?: number }).typeId;
  const type = typeId ? await tx.meetingType.findUnique({ where: { id: typeId }, select: { open: true, needsApproval: true } }) : null;
  const open = isOpen(input.kind, input.open, type?.open);
  const none = { open, approval: null, proposedByPartyOrgId: null, approvedById: null, approvedAt: null };
  if (input.kind !== 'PARTY_DAY' && !type?.needsApproval) return none;
  const ancestry = await placeOf(input);
  const asBranch = !!ancestry && branchOnly(by, ancestry);
  const approval = startingApproval({ kind: input.kind, typeNeedsApproval: type?.needsApproval, byBranchOnly: asBranch });
  if (!approval) return none;
  const org = await partyOrgFor(tx, by, input, asBranch);
  // A branch secretary proposes for their own branch only; staff with no party organisation at the place need none.
  if (!org) return asBranch ? refuse('meetingApproval.noBranch') : none;
  return approval === 'PROPOSED'
    ? { ...none, approval, proposedByPartyOrgId: org }
    : { ...none, approval, proposedByPartyOrgId: org, approvedById: by.userId, approvedAt: new Date() };
}

/**
 * Invites the branch's registered party members (and the holding body's members) to approved meetings: they are its
 * 应到. Those with accounts are told once, with a link to the first meeting.
 */
export async function inviteBranch(
  tx: TTx,
  meetings: { id: number; title: string; location: string; bodyId: number | null; proposedByPartyOrgId: number | null }[],
  tell: boolean,
) {
  const first = meetings[0];
  if (!first) return;
  const [party, body] = await Promise.all([
    first.proposedByPartyOrgId
      ? tx.partyMember.findMany({ where: { partyOrgId: first.proposedByPartyOrgId }, select: { personId: true } })
      : [],
    first.bodyId ? tx.bodyMember.findMany({ where: { bodyId: first.bodyId, ...inForceOn(today()) }, select: { personId: true } }) : [],
  ]);
  const persons = [...new Set([...party, ...body].map((x) => x.personId))];
  if (persons.length === 0) return;
  await tx.meetingInvite.createMany({
    data: meetings.flatMap((m) => persons.map((personId) => ({ meetingId: m.id, personId }))),
    skipDuplicates: true,
  });
  if (!tell) return;
  const users = await tx.user.findMany({ where: { personId: { in: persons } }, select: { id: true } });
  await notify(
    tx,
    users.map((u) => u.id),
    { kind: 'meeting.invited', link: `/meetings/${first.id}`, title: first.title, body: first.location },
  );
}

/** A proposal to decide on: refused unless it is PROPOSED and the actor holds meeting.approve where it is held. */
async function proposal(by: TBy, meetingId: number) {
  const m = (await getDb().meeting.findUnique({ where: { id: meetingId } })) ?? refuse('auth.forbidden');
  authorize(by, 'meeting.approve', await placeOf(m));
  if (m.approval !== 'PROPOSED') refuse('meetingApproval.notProposed');
  return m;
}

/** The meetings a decision applies to: the whole series' proposals still waiting (a series is approved as a whole). */
async function sameProposal(tx: TTx, m: { id: number; seriesId: number | null }, state: TApproval) {
  if (m.seriesId === null) return [m.id];
  const rows = await tx.meeting.findMany({
    where: { seriesId: m.seriesId, approval: state, status: 'SCHEDULED' },
    select: { id: true },
    orderBy: { startsAt: 'asc' },
  });
  return [m.id, ...rows.map((r) => r.id).filter((id) => id !== m.id)];
}

/**
 * 同意: the community approves a branch's proposal with optional guidance (指导意见) → APPROVED; the branch's members
 * are invited and told, and it is announced. Two decisions at once: the first wins, the other is refused.
 */
export async function approveMeeting(by: TBy, meetingId: number, guidance: string) {
  const m = await proposal(by, meetingId);
  const note = guidance.trim() || null;
  if (note && note.length > 1000) refuse('meetingApproval.noteTooLong');
  return getDb().$transaction(async (tx) => {
    const ids = await sameProposal(tx, m, 'PROPOSED');
    const data = { approval: 'APPROVED' as const, approvalNote: note, approvedById: by.userId, approvedAt: new Date() };
    // Conditional: a decision taken meanwhile leaves this one nothing to change.
    const won = await tx.meeting.updateMany({ where: { id: m.id, approval: 'PROPOSED' }, data });
    if (won.count !== 1) refuse('meetingApproval.notProposed');
    const rest = await tx.meeting.updateMany({ where: { id: { in: ids.slice(1) }, approval: 'PROPOSED' }, data });
    const approved = await tx.meeting.findMany({ where: { id: { in: ids } }, orderBy: { startsAt: 'asc' } });
    await inviteBranch(tx, approved, true);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meeting.approve',
      entityType: 'Meeting',
      entityId: m.id,
      after: { guidance: note, meetings: 1 + rest.count },
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
    return { meetings: 1 + rest.count };
  });
}

/** 退回: the community returns a proposal with a reason (required) → RETURNED; the branch may change it and propose again. */
export async function returnMeeting(by: TBy, meetingId: number, reason: string) {
  const m = await proposal(by, meetingId);
  const note = reason.trim();
  if (note.length < 2) refuse('meetingApproval.reasonNeeded');
  if (note.length > 1000) refuse('meetingApproval.noteTooLong');
  await getDb().$transaction(async (tx) => {
    const ids = await sameProposal(tx, m, 'PROPOSED');
    const won = await tx.meeting.updateMany({
      where: { id: m.id, approval: 'PROPOSED' },
      data: { approval: 'RETURNED', approvalNote: note },
    });
    if (won.count !== 1) refuse('meetingApproval.notProposed');
    await tx.meeting.updateMany({
      where: { id: { in: ids.slice(1) }, approval: 'PROPOSED' },
      data: { approval: 'RETURNED', approvalNote: note },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meeting.return',
      entityType: 'Meeting',
      entityId: m.id,
      after: { reason: note, meetings: ids.length },
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
  });
}

/**
 * The branch changes a returned proposal (title and location for the whole series, this meeting's day and time) and
 * proposes it again → PROPOSED. Only who runs meetings at its place (the branch secretary, staff).
 */
export async function proposeAgain(by: TBy, meetingId: number, change: { title: string; location: string; startsAt: Date }) {
  const db = getDb();
  const m = (await db.meeting.findUnique({ where: { id: meetingId } })) ?? refuse('auth.forbidden');
  authorize(by, 'meeting.manage', await placeOf(m));
  if (m.approval !== 'RETURNED') refuse('meetingApproval.notReturned');
  if (change.startsAt.getTime() < Date.now()) refuse('meeting.inThePast');
  const length = m.endsAt.getTime() - m.startsAt.getTime();
  await db.$transaction(async (tx) => {
    const ids = await sameProposal(tx, m, 'RETURNED');
    const won = await tx.meeting.updateMany({
      where: { id: m.id, approval: 'RETURNED' },
      data: {
        approval: 'PROPOSED',
        title: change.title,
        location: change.location,
        startsAt: change.startsAt,
        endsAt: new Date(change.startsAt.getTime() + length),
      },
    });
    if (won.count !== 1) refuse('meetingApproval.notReturned');
    await tx.meeting.updateMany({
      where: { id: { in: ids.slice(1) }, approval: 'RETURNED' },
      data: { approval: 'PROPOSED', title: change.title, location: change.location },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meeting.propose',
      entityType: 'Meeting',
      entityId: m.id,
      before: { title: m.title, location: m.location, startsAt: m.startsAt.toISOString() },
      after: { ...change, startsAt: change.startsAt.toISOString(), meetings: ids.length },
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
  });
}

/** May the viewer approve or return meetings held at this place? */
export async function mayApprove(by: TBy | null, m: { communityId: number; compoundId: number | null }) {
  if (!by) return false;
  const a = await placeOf(m);
  return !!a && can(by.actor, 'meeting.approve', { ancestry: a }, by.today);
}

/** The approval box of a meeting's page (organisers and approvers only; the page shows it only to them). */
export async function approvalView(
  by: TBy | null,
  m: {
    id: number;
    seriesId: number | null;
    approval: TApproval | null;
    approvalNote: string | null;
    proposedByPartyOrgId: number | null;
    approvedById: number | null;
    approvedAt: Date | null;
    communityId: number;
    compoundId: number | null;
  },
) {
  if (!m.approval) return null;
  const db = getDb();
  const [org, approver, inSeries, decide] = await Promise.all([
    m.proposedByPartyOrgId ? db.partyOrg.findUnique({ where: { id: m.proposedByPartyOrgId }, select: { name: true } }) : null,
    m.approvedById ? db.user.findUnique({ where: { id: m.approvedById }, select: { person: { select: { name: true } } } }) : null,
    m.seriesId ? db.meeting.count({ where: { seriesId: m.seriesId, approval: m.approval, status: 'SCHEDULED' } }) : 1,
    mayApprove(by, m),
  ]);
  return {
    approval: m.approval,
    note: m.approvalNote,
    branch: org?.name ?? null,
    approvedBy: approver?.person.name ?? null,
    approvedAt: m.approvedAt,
    inSeries,
    decide: decide && m.approval === 'PROPOSED',
  };
}

/** One line per proposal (a series once), soonest first. */
function byProposal(
  rows: { id: number; seriesId: number | null; title: string; startsAt: Date; proposedByPartyOrg: { name: string } | null }[],
) {
  const seen = new Map<string, { id: number; title: string; startsAt: Date; branch: string; meetings: number }>();
  for (const r of rows) {
    const key = r.seriesId === null ? `m${r.id}` : `s${r.seriesId}`;
    const line = seen.get(key);
    if (line) line.meetings++;
    else seen.set(key, { id: r.id, title: r.title, startsAt: r.startsAt, branch: r.proposedByPartyOrg?.name ?? '', meetings: 1 });
  }
  return [...seen.values()];
}

const LINE = { id: true, seriesId: true, title: true, startsAt: true, proposedByPartyOrg: { select: { name: true } } } as const;

/** The branch's desk: its proposals the community returned, where the actor runs meetings — to change and send again. */
export async function returnedProposals(by: TBy) {
  const scopes = scopesOf(by.actor, 'meeting.manage', by.today).filter((p) => p.level === 'compound' || p.level === 'community');
  if (scopes.length === 0) return [];
  const rows = await getDb().meeting.findMany({
    where: {
      approval: 'RETURNED',
      status: 'SCHEDULED',
      OR: scopes.map((p) => (p.level === 'compound' ? { compoundId: p.id } : { communityId: p.id })),
    },
    orderBy: { startsAt: 'asc' },
    select: LINE,
  });
  return byProposal(rows);
}

/** The secretary's desk: proposals waiting where the actor approves, one line per proposal (a series once). */
export async function proposalsWaiting(by: TBy) {
  const db = getDb();
  const scopes = scopesOf(by.actor, 'meeting.approve', by.today);
  if (scopes.length === 0) return [];
  const communities = await db.community.findMany({
    where: {
      OR: scopes.map((p) =>
        p.level === 'district'
          ? { street: { districtId: p.id } }
          : p.level === 'street'
            ? { streetId: p.id }
            : p.level === 'community'
              ? { id: p.id }
              : { compounds: { some: p.level === 'compound' ? { id: p.id } : { buildings: { some: { id: p.id } } } } },
      ),
    },
    select: { id: true },
  });
  const rows = await db.meeting.findMany({
    where: { approval: 'PROPOSED', status: 'SCHEDULED', communityId: { in: communities.map((c) => c.id) } },
    orderBy: { startsAt: 'asc' },
    select: LINE,
  });
  return byProposal(rows);
}
