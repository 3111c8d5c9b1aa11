import { world } from '../accounts/support';
import { asUser, createMediationCast } from '../../factories/mediation';
import { testDb } from '../db';

/** The world of tests/server/accounts plus the people of a neighbours' dispute (tests/factories/mediation.ts). */
export async function mediationWorld() {
  const w = await world();
  const cast = await createMediationCast(w.db, w);
  const secretary = await asUser(w.staff.jinyangSecretary.id, '刘书记');
  return { ...w, cast, secretary };
}

/** Rows of every mediation table and the audit log: a refused call leaves them as they were. */
export async function snapshot() {
  const db = testDb();
  return Promise.all([
    db.mediationCase.count(),
    db.mediationParty.count(),
    db.caseMediator.count(),
    db.mediationSession.count({ where: { status: 'SCHEDULED' } }),
    db.mediationSession.count({ where: { status: 'HELD' } }),
    db.auditLog.count(),
    db.notification.count(),
    db.issue.count({ where: { state: 'IN_MEDIATION' } }),
  ]);
}

export const walkIn = (summary = '两户因楼道堆物发生争执') =>
  ({ kind: 'NEIGHBOURS', source: 'WALK_IN', urgency: 'NORMAL', summary }) as const;
