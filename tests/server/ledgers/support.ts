import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { TBy } from '@/server/accounts/by';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createTopicWithHistory } from '../../factories/topics';
import { byUser, inDays, world } from '../accounts/support';
import { testDb } from '../db';

/** The world of tests/server/accounts with the keepers and readers of 欧城花园's ledgers, and two owners' motions. */
export async function ledgerWorld() {
  const w = await world();
  const db = w.db;
  const pw = 'staff-pass-1';
  const at = (
    phone: string,
    name: string,
    role: 'OWNERS_COMMITTEE_CHAIR' | 'PROPERTY_FIRM_STAFF' | 'COMMUNITY_SECRETARY',
    level: 'COMPOUND' | 'COMMUNITY',
    placeId: number,
  ) => createStaff(db, { name, phone, password: pw, role, placeLevel: level, placeId });
  const chairUser = await at('13900009101', '业委会主任', 'OWNERS_COMMITTEE_CHAIR', 'COMPOUND', w.b.compound.id);
  const firmUser = await at('13900009102', '物业员工', 'PROPERTY_FIRM_STAFF', 'COMPOUND', w.b.compound.id);
  const tanghuUser = await at('13900009103', '棠湖书记', 'COMMUNITY_SECRETARY', 'COMMUNITY', w.tanghu.id);
  const owner = w.b.owners[0]!;
  const residentUser = await createVerifiedResident(db, {
    personId: owner.id,
    phone: '13900009104',
    password: pw,
    householdId: w.b.households[0]!.id,
  });
  const outsider = await createVerifiedResident(db, {
    personId: w.a.owners[0]!.id,
    phone: '13900009105',
    password: pw,
    householdId: w.a.households[0]!.id,
  });
  const motion = async (title: string, status: 'PASSED' | 'OPEN') => {
    const t = await createTopicWithHistory(db, {
      procedureCode: 'OWNERS_ASSEMBLY',
      title,
      description: title,
      communityId: w.tanghu.id,
      compoundId: w.b.compound.id,
      by: { userId: chairUser.id, label: '业委会主任' },
      stepIndex: 2,
      assemblyMatter: 5,
      createdAt: new Date(Date.now() - 40 * 86_400_000),
      stepDueAt: new Date(Date.now() + 86_400_000),
    });
    return db.motion.create({
      data: {
        topicId: t.id,
        stepIndex: 2,
        voters: { kind: 'OWNERS', buildingIds: [w.b.buildings[0]!.id] },
        rule: { kind: 'OWNERS_ASSEMBLY', matter: 5 },
        status,
        mode: 'WRITTEN',
        decidedAt: status === 'PASSED' ? new Date() : null,
      },
    });
  };
  return {
    ...w,
    chair: await byUser(chairUser.id, '业委会主任'),
    firm: await byUser(firmUser.id, '物业员工'),
    tanghuStaff: await byUser(tanghuUser.id, '棠湖书记'),
    jinyangStaff: await byUser(w.staff.jinyangSecretary.id, '刘书记'),
    resident: await byUser(residentUser.id, '业主'),
    outsider: await byUser(outsider.id, '北苑业主'),
    ownerName: owner.name,
    passed: await motion('使用维修资金更换 1 栋电梯', 'PASSED'),
    open: await motion('使用维修资金更换 3 栋电梯', 'OPEN'),
  };
}

/** Rows of every ledger table and the audit log: a refused call leaves them as they were. */
export async function snapshot() {
  const db = testDb();
  return Promise.all([
    db.ledger.count(),
    db.ledgerEntry.count(),
    db.ledgerEntry.count({ where: { reconciledAt: { not: null } } }),
    db.ledgerReceipt.count(),
    db.ledgerStatement.count(),
    db.notice.count(),
    db.auditLog.count(),
    db.ledger.aggregate({ _sum: { balanceFen: true } }).then((a) => String(a._sum.balanceFen)),
  ]);
}

/** A small whole JPEG, as a receipt photo. */
export const smallJpeg = () =>
  sharp({ create: { width: 60, height: 80, channels: 3, background: '#f4f1e8' } })
    .jpeg()
    .toBuffer();

/** A phone camera's photo of a receipt: 2,000 × 1,500 noise, several megabytes as JPEG. */
export const phonePhoto = () =>
  sharp(randomBytes(2000 * 1500 * 3), { raw: { width: 2000, height: 1500, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();

export const day = inDays;
export type { TBy };
