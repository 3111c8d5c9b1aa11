import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { transition } from '@/domain/issues/lifecycle';
import type { TBy } from '@/server/accounts/by';
import type { TTx } from '@/server/db';
import { inForceOn } from '@/server/today';
import { issueAncestry, standing } from './handlers';

// Who handles an issue beside the place's staff (decision 050): its handler and co-handlers — an account, a firm where it
// still serves, a committee one sits on — and how an account stands toward an issue (the one check for reads and acts).

export type TIssueRow = {
  id: number;
  state: Parameters<typeof transition>[0];
  level: Parameters<typeof transition>[2]['level'];
  reopenCount: number;
  rating: Parameters<typeof transition>[2]['lastRating'];
  title: string;
  assigneeUserId: number | null;
  buildingId: number | null;
  compoundId: number | null;
  communityId: number;
  followers: { userId: number }[];
};

/**
 * The parties an account stands for today, with where each firm still serves: a firm handles the issues handed to it only
 * in the compounds it serves today (a firm whose contract ended keeps nothing of them, review of issue 19).
 */
async function handlerParties(db: TTx, userId: number, today: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { personId: true, disabledAt: true } });
  if (!user || user.disabledAt) return { flat: [] as string[], own: [] as string[], firms: [] as { party: string; compounds: number[] }[] };
  const [firms, seats] = await Promise.all([
    db.organizationMember.findMany({
      where: { personId: user.personId, staff: true, OR: [{ leftOn: null }, { leftOn: { gt: new Date(`${today}T00:00:00Z`) } }] },
      select: {
        organizationId: true,
        organization: {
          select: {
            assignments: {
              where: { relation: 'PROPERTY_SERVICE', compoundId: { not: null }, ...inForceOn(today) },
              select: { compoundId: true },
            },
          },
        },
      },
    }),
    db.bodyMember.findMany({ where: { personId: user.personId, ...inForceOn(today) }, select: { bodyId: true } }),
  ]);
  const own = [`user:${userId}`, ...seats.map((s) => `body:${s.bodyId}`)];
  const served = firms.map((f) => ({ party: `org:${f.organizationId}`, compounds: f.organization.assignments.map((a) => a.compoundId!) }));
  return { flat: [...own, ...served.map((f) => f.party)], own, firms: served };
}

/** Issues of which the account (itself, a firm where it still serves, a committee it sits on) is handler or co-handler. */
export async function handledByWhere(db: TTx, userId: number, today: string): Promise<Prisma.IssueWhereInput> {
  const p = await handlerParties(db, userId, today);
  return {
    OR: [
      { handlers: { some: { party: { in: p.own } } } },
      ...p.firms.map((f) => ({ compoundId: { in: f.compounds }, handlers: { some: { party: f.party } } })),
    ],
  };
}

/** Whether the account is the handler or a co-handler of THIS issue, itself or through its firm or committee. */
export async function handlesThisIssue(db: TTx, by: { userId: number; today: string }, issueId: number) {
  return (await db.issue.count({ where: { id: issueId, ...(await handledByWhere(db, by.userId, by.today)) } })) > 0;
}

/**
 * How the account stands toward the issue (decision 050): issue.handle at its place, else its handler or a co-handler
 * of this very issue (acts as HANDLER there and nowhere else), else a reporter, else nobody.
 */
export async function roleOn(db: TTx, by: TBy, issue: TIssueRow & { followers: { userId: number }[] }) {
  const ancestry = await issueAncestry(issue, db);
  const staff = ancestry ? standing(by.actor, ancestry, issue.level, by.today) : null;
  if (staff) return staff;
  // A handler party acts while the issue is at its compound; escalated, the level above handles it and they read it.
  if (issue.level === 'COMPOUND' && (await handlesThisIssue(db, by, issue.id))) return 'HANDLER' as const;
  return issue.followers.some((f) => f.userId === by.userId) ? ('REPORTER' as const) : ('OTHER' as const);
}

/** The names of parties ("user:1", "org:2", "body:3"), for the issue page and the timeline. */
export async function partyNames(db: TTx, parties: string[]): Promise<Map<string, string>> {
  const ids = (kind: string) => parties.filter((p) => p.startsWith(`${kind}:`)).map((p) => Number(p.slice(kind.length + 1)));
  const [users, orgs, bodies] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids('user') } }, select: { id: true, person: { select: { name: true } } } }),
    db.organization.findMany({ where: { id: { in: ids('org') } }, select: { id: true, name: true } }),
    db.body.findMany({ where: { id: { in: ids('body') } }, select: { id: true, name: true } }),
  ]);
  return new Map<string, string>([
    ...users.map((u) => [`user:${u.id}`, u.person.name] as const),
    ...orgs.map((o) => [`org:${o.id}`, o.name] as const),
    ...bodies.map((b) => [`body:${b.id}`, b.name] as const),
  ]);
}
