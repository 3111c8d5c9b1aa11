import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { TTx } from '@/server/db';
import { dateOnly } from '@/server/today';

/**
 * Who carries out a task and reports on it (decision 048): a person with an account, an organisation whose staff
 * accounts act for it (the property firm, a contractor), or a body whose members act for it (the owners' committee).
 */
export type TTaskOwner =
  { kind: 'PERSON'; userId: number } | { kind: 'ORGANIZATION'; organizationId: number } | { kind: 'BODY'; bodyId: number };

type TOwnerColumns = { ownerUserId: number | null; ownerOrganizationId: number | null; ownerBodyId: number | null };

export function ownerOf(task: TOwnerColumns): TTaskOwner | null {
  if (task.ownerUserId !== null) return { kind: 'PERSON', userId: task.ownerUserId };
  if (task.ownerOrganizationId !== null) return { kind: 'ORGANIZATION', organizationId: task.ownerOrganizationId };
  if (task.ownerBodyId !== null) return { kind: 'BODY', bodyId: task.ownerBodyId };
  return null;
}

export function ownerColumns(owner: TTaskOwner | null): TOwnerColumns {
  return {
    ownerUserId: owner?.kind === 'PERSON' ? owner.userId : null,
    ownerOrganizationId: owner?.kind === 'ORGANIZATION' ? owner.organizationId : null,
    ownerBodyId: owner?.kind === 'BODY' ? owner.bodyId : null,
  };
}

/** An organisation's staff who have not left by `today`. */
const staffOn = (today: string) => ({ staff: true, OR: [{ leftOn: null }, { leftOn: { gt: dateOnly(today) } }] });
/** A body's members whose term covers `today`. */
const seatedOn = (today: string) => ({ startsOn: { lte: dateOnly(today) }, OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(today) } }] });

/**
 * The tasks a person carries out on `today`: owned by their account, by an organisation they are staff of, or by a body
 * they sit on. One filter for "my tasks", for who may report, and for whom reminders reach.
 */
export function ownedBy(userId: number, personId: number, today: string): Prisma.TopicTaskWhereInput {
  return {
    OR: [
      { ownerUserId: userId },
      { ownerOrganization: { members: { some: { personId, ...staffOn(today) } } } },
      { ownerBody: { members: { some: { personId, ...seatedOn(today) } } } },
    ],
  };
}

/** The accounts that act for an owner on `today` (those who see the task, report on it and are reminded). */
export async function ownerAccounts(tx: TTx, owner: TTaskOwner | null, today: string): Promise<number[]> {
  if (!owner) return [];
  if (owner.kind === 'PERSON') return [owner.userId];
  const people =
    owner.kind === 'ORGANIZATION'
      ? await tx.organizationMember.findMany({
          where: { organizationId: owner.organizationId, ...staffOn(today) },
          select: { personId: true },
        })
      : await tx.bodyMember.findMany({ where: { bodyId: owner.bodyId, ...seatedOn(today) }, select: { personId: true } });
  const users = await tx.user.findMany({ where: { personId: { in: people.map((p) => p.personId) } }, select: { id: true } });
  return users.map((u) => u.id).sort((a, b) => a - b);
}

/** Does this account act for the task's owner on `today`? */
export async function actsForOwner(tx: TTx, taskId: number, userId: number, personId: number, today: string): Promise<boolean> {
  return (await tx.topicTask.count({ where: { id: taskId, ...ownedBy(userId, personId, today) } })) === 1;
}
