import 'server-only';
import { JOINT_LEAST_HOSTS, jointQuorum } from '@/domain/meetings/joint';
import type { TMeetingKind } from '@/domain/meetings/meetings';
import type { TBy } from '@/server/accounts/by';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';
import { inForceOn, today } from '@/server/today';
import { organises } from './attendance';

/** A host of a joint meeting: exactly one of a body or a party organisation (decision 066). */
export type THostRef = { bodyId?: number; partyOrgId?: number };

const keyOf = (h: THostRef) => (h.bodyId ? `body:${h.bodyId}` : `party:${h.partyOrgId}`);

/**
 * The hosts a schedule names, checked: only a JOINT meeting has them, and then two or more, each of the meeting's place
 * (a body or party organisation of its compound or of its community as a whole); the same host twice counts once.
 */
export async function checkHosts(input: {
  kind: TMeetingKind;
  communityId: number;
  compoundId?: number;
  bodyId?: number;
  hosts?: THostRef[];
}): Promise<THostRef[]> {
  const seen = new Map((input.hosts ?? []).filter((h) => !!h.bodyId !== !!h.partyOrgId).map((h) => [keyOf(h), h]));
  const hosts = [...seen.values()];
  if (input.kind !== 'JOINT') return hosts.length ? refuse('meetingHosts.onlyJoint') : [];
  if (input.bodyId) refuse('meetingHosts.noBody');
  if (hosts.length < JOINT_LEAST_HOSTS) refuse('meetingHosts.tooFew', { least: JOINT_LEAST_HOSTS });
  const db = getDb();
  const bodyIds = hosts.flatMap((h) => (h.bodyId ? [h.bodyId] : []));
  const orgIds = hosts.flatMap((h) => (h.partyOrgId ? [h.partyOrgId] : []));
  const [bodies, orgs] = await Promise.all([
    db.body.findMany({ where: { id: { in: bodyIds } }, select: { communityId: true, compoundId: true } }),
    db.partyOrg.findMany({ where: { id: { in: orgIds }, dissolvedOn: null }, select: { communityId: true, compoundId: true } }),
  ]);
  const here = (p: { communityId: number | null; compoundId: number | null }) =>
    p.communityId === input.communityId && (p.compoundId === null || p.compoundId === (input.compoundId ?? null));
  if (bodies.length !== bodyIds.length || orgs.length !== orgIds.length || ![...bodies, ...orgs].every(here))
    refuse('meetingHosts.elsewhere');
  return hosts;
}

/** Each host's members in force today in China: a body's members; a party organisation's registered members and officers. */
async function membersOf(tx: TTx, h: THostRef): Promise<number[]> {
  const day = today();
  if (h.bodyId) {
    const rows = await tx.bodyMember.findMany({ where: { bodyId: h.bodyId, ...inForceOn(day) }, select: { personId: true } });
    return [...new Set(rows.map((r) => r.personId))];
  }
  const [registered, officers] = await Promise.all([
    tx.partyMember.findMany({ where: { partyOrgId: h.partyOrgId! }, select: { personId: true } }),
    tx.partyOrgMember.findMany({ where: { partyOrgId: h.partyOrgId!, ...inForceOn(day) }, select: { personId: true } }),
  ]);
  return [...new Set([...registered, ...officers].map((r) => r.personId))];
}

/**
 * Scheduling a joint meeting: one MeetingHost row per host with its members frozen (MeetingHostMember), and the union of
 * them invited once as members (应到). A meeting of a series tells no one (the series is announced as a whole).
 */
export async function freezeHosts(
  tx: TTx,
  m: { id: number; title: string; location: string; seriesId: number | null },
  hosts: THostRef[],
  when = '',
) {
  if (!hosts.length) return [];
  const everyone = new Set<number>();
  for (const h of hosts) {
    const host = await tx.meetingHost.create({ data: { meetingId: m.id, bodyId: h.bodyId ?? null, partyOrgId: h.partyOrgId ?? null } });
    const members = await membersOf(tx, h);
    if (members.length) await tx.meetingHostMember.createMany({ data: members.map((personId) => ({ hostId: host.id, personId })) });
    for (const p of members) everyone.add(p);
  }
  const persons = [...everyone];
  if (persons.length)
    await tx.meetingInvite.createMany({
      data: persons.map((personId) => ({ meetingId: m.id, personId, member: true })),
      skipDuplicates: true,
    });
  if (m.seriesId === null) {
    const users = await tx.user.findMany({ where: { personId: { in: persons } }, select: { id: true } });
    await notify(
      tx,
      users.map((u) => u.id),
      { kind: 'meeting.invited', link: `/meetings/${m.id}`, title: m.title, body: `${when} ${m.location}`.trim() },
    );
  }
  return persons;
}

/** A series held jointly names its hosts once, on the series (each of its meetings has its own, frozen when made). */
export async function seriesHosts(tx: TTx, seriesId: number, hosts: THostRef[]) {
  if (hosts.length)
    await tx.meetingHost.createMany({
      data: hosts.map((h) => ({ seriesId, bodyId: h.bodyId ?? null, partyOrgId: h.partyOrgId ?? null })),
    });
}

/** A host's name as the page shows it. */
export const hostName = (h: { body: { name: string } | null; partyOrg: { name: string } | null }) => h.body?.name ?? h.partyOrg?.name ?? '';

/**
 * Each host's 应到 (its frozen members) and 实到 (those of them who signed in), its own quorum (more than half) and whether
 * every host is quorate, as the hosts panel shows it live. Empty for a meeting without hosts.
 */
export async function hostsPanel(meetingId: number) {
  const db = getDb();
  const hosts = await db.meetingHost.findMany({
    where: { meetingId },
    orderBy: { id: 'asc' },
    select: { id: true, body: { select: { name: true } }, partyOrg: { select: { name: true } }, members: { select: { personId: true } } },
  });
  if (!hosts.length) return { hosts: [], allMet: false };
  const present = new Set(
    (await db.attendance.findMany({ where: { meetingId, personId: { not: null } }, select: { personId: true } })).map((a) => a.personId!),
  );
  const q = jointQuorum(
    hosts.map((h) => ({ hostId: h.id, expected: h.members.length, present: h.members.filter((x) => present.has(x.personId)).length })),
  );
  const names = new Map(hosts.map((h) => [h.id, hostName(h)]));
  return { hosts: q.hosts.map((h) => ({ ...h, name: names.get(h.hostId)! })), allMet: q.allMet };
}

export type THostsPanel = Awaited<ReturnType<typeof hostsPanel>>;

/** The panel for a viewer: those who run meetings at its place, or someone invited to it; else refused. */
export async function hostsPanelFor(by: TBy, meetingId: number) {
  const db = getDb();
  const m =
    (await db.meeting.findUnique({ where: { id: meetingId }, select: { communityId: true, compoundId: true } })) ??
    refuse('auth.forbidden');
  if (!(await organises(by, m))) {
    const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
    if (!(await db.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId, personId: me.personId } } })))
      refuse('auth.forbidden');
  }
  return hostsPanel(meetingId);
}

/** The hosts a joint meeting may have at a community: its bodies and party organisations (of the community and its compounds). */
export async function hostChoices(communityId: number) {
  const db = getDb();
  const [bodies, orgs] = await Promise.all([
    db.body.findMany({ where: { communityId }, orderBy: { id: 'asc' }, select: { id: true, name: true } }),
    db.partyOrg.findMany({ where: { communityId, dissolvedOn: null }, orderBy: { id: 'asc' }, select: { id: true, name: true } }),
  ]);
  return [
    ...orgs.map((o) => ({ value: `party:${o.id}`, label: o.name })),
    ...bodies.map((b) => ({ value: `body:${b.id}`, label: b.name })),
  ];
}
