import { ensureProcedures } from '@/server/topics/procedures';
import { ownerColumns } from '@/server/topics/task-owners';
import { createStaff, createUser } from '../../factories/accounts';
import { day } from '../../factories/db';
import { createOrganization } from '../../factories/organisation';
import { createTopicWithHistory } from '../../factories/topics';
import { world } from '../accounts/support';

/** China's local time as an instant: `at('2026-11-09', 9)` is 09:00 in Chengdu. */
export const at = (date: string, h: number, m = 0) =>
  new Date(`${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);

/**
 * The 督办 world: at 欧城花园 (Dongsheng street) a topic in implementation (step 5 of 七步法) with a task owned by the
 * property firm (one staff account), due Friday 2026-11-06, and the community's secretary; the street's staff from world().
 */
export async function supervisionWorld() {
  const w = await world();
  await ensureProcedures(w.db);
  const secretary = await createStaff(w.db, {
    name: '唐书记',
    phone: '13900009201',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: w.tanghu.id,
  });
  const { districtId } = await w.db.street.findUniqueOrThrow({ where: { id: w.tanghu.streetId } });
  const firm = await createOrganization(w.db, { kind: 'PROPERTY_FIRM', name: '欧城物业', districtId });
  const manager = await createUser(w.db, { name: '王经理', phone: '13900009202', password: 'x', verified: true });
  await w.db.organizationMember.create({ data: { organizationId: firm.id, personId: manager.personId, title: '项目经理', staff: true } });
  const topic = await createTopicWithHistory(w.db, {
    procedureCode: 'SEVEN_STEP',
    title: '更换单元门禁',
    description: '说明',
    communityId: w.tanghu.id,
    compoundId: w.b.compound.id,
    by: { userId: secretary.id, label: '唐书记' },
    stepIndex: 5,
    createdAt: at('2026-10-20', 9),
    stepDueAt: at('2027-03-01', 17, 30),
  });
  const task = await w.db.topicTask.create({
    data: {
      topicId: topic.id,
      title: '安装门禁',
      responsible: '欧城物业',
      dueOn: day('2026-11-06'),
      createdById: secretary.id,
      ...ownerColumns({ kind: 'ORGANIZATION', organizationId: firm.id }),
    },
  });
  return { ...w, secretary, firm, manager, topic, task };
}
