import { beforeAll, describe, expect, test } from 'vitest';
import { deskCommitteeWarnings, meetingCommitteeWarnings } from '@/server/meetings/committee';
import { addAgendaItem } from '@/server/meetings/records';
import { scheduleMeeting } from '@/server/meetings/schedule';
import { advanceTopic } from '@/server/topics/advance-topic';
import { recordMotionTally } from '@/server/topics/motions';
import { addPlanVersion } from '@/server/topics/plans';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { createStaff } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { fromChinaLocal, toChinaLocal } from '@/server/issues/clock';
import { byUser, inDays } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// Owners' committee meetings (decision 068): 7 days' notice is a warning confirmed with a reason; decisions are
// published within 3 China calendar days.
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const names = new NameSource(5);
  const jinyang = await communityByCode(db, '510107009003');
  const tanghu = await communityByCode(db, '510116001001');
  const seven = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '西苑小区',
    buildings: [{ name: '1栋', floors: 2, perFloor: 4, areasCentiM2: [9000] }],
  });
  await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '西苑业委会',
    communityId: jinyang.id,
    compoundId: seven.compound.id,
    memberIds: seven.owners.slice(0, 7).map((p) => p.id),
  });
  const s = await createStaff(db, {
    name: '刘书记',
    phone: '13893000001',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const o = await createStaff(db, {
    name: '别处书记',
    phone: '13893000002',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: tanghu.id,
  });
  const procs = await proceduresFor(seven.compound.districtId);
  return {
    db,
    jinyang,
    seven,
    sec: await byUser(s.id, '刘书记'),
    other: await byUser(o.id),
    proc: procs.find((p) => p.code === 'OWNERS_COMMITTEE')!.id,
  };
}
beforeAll(async () => {
  w = await setup();
});

const committeeMeeting = (extra: object) => ({
  kind: 'OWNERS_COMMITTEE' as const,
  title: '业委会会议',
  communityId: w.jinyang.id,
  compoundId: w.seven.compound.id,
  location: '业委会办公室',
  mode: 'IN_PERSON' as const,
  startMinute: 19 * 60,
  durationMinutes: 60,
  date: inDays(3),
  ...extra,
});

describe('owners’ committee meetings', () => {
  test('fewer than 7 days ahead: refused with the earliest date until a reason is given, then scheduled with it; the assembly stays a refusal', async () => {
    expect(await refusal(scheduleMeeting(w.sec, committeeMeeting({})))).toBe('meeting.noticeShortConfirm');
    expect(await refusal(scheduleMeeting(w.sec, committeeMeeting({ shortNoticeReason: '   ' })))).toBe('meeting.noticeShortConfirm');
    const { id } = await scheduleMeeting(w.sec, committeeMeeting({ shortNoticeReason: '电梯停运，须尽快决定维修' }));
    expect((await w.db.meeting.findUniqueOrThrow({ where: { id } })).shortNoticeReason).toBe('电梯停运，须尽快决定维修');
    const later = await scheduleMeeting(w.sec, committeeMeeting({ date: inDays(8), shortNoticeReason: '无' }));
    expect((await w.db.meeting.findUniqueOrThrow({ where: { id: later.id } })).shortNoticeReason).toBeNull();
    expect(await refusal(scheduleMeeting(w.sec, committeeMeeting({ kind: 'OWNERS_ASSEMBLY', shortNoticeReason: '急' })))).toBe(
      'meeting.noticeTooShort',
    );
  });

  test('a decision is warned about from the 3rd China day after it until its notice is published', async () => {
    const { id: meetingId } = await scheduleMeeting(w.sec, committeeMeeting({ date: inDays(8), title: '业委会例会' }));
    const { id } = await raiseTopic(w.sec, {
      category: 'OTHER',
      title: '更换门禁',
      description: '说明',
      communityId: w.jinyang.id,
      compoundId: w.seven.compound.id,
      procedureId: w.proc,
    });
    await addPlanVersion(w.sec, id, { title: '门禁方案', body: '方案', convention: false, funding: [] });
    await advanceTopic(w.sec, id, { type: 'ADVANCE' });
    await addAgendaItem(w.sec, meetingId, { title: '更换门禁', topicId: id });
    await recordMotionTally(w.sec, id, { kind: 'BODY', present: 4, for: 4, against: 0, abstain: 0 });
    const motion = await w.db.motion.findFirstOrThrow({ where: { topicId: id } });
    const decided = toChinaLocal(motion.decidedAt!).date;
    const day = (n: number) => toChinaLocal(new Date(fromChinaLocal({ date: decided, minute: 12 * 60 }).getTime() + n * 86_400_000)).date;
    const china = (n: number, minute: number) => fromChinaLocal({ date: day(n), minute });
    const at = (n: number, minute = 0) => meetingCommitteeWarnings(meetingId, china(n, minute));
    expect(await at(2, 23 * 60 + 59)).toEqual([]); // day 2, 23:59 in China
    expect(await at(3)).toMatchObject([{ title: '更换门禁', state: 'LAST_DAY', decided, dueBy: day(3) }]); // day 3, 00:00
    expect(await at(5)).toMatchObject([{ state: 'LATE', over: 2 }]);
    expect((await deskCommitteeWarnings(w.sec, china(5, 0))).map((x) => x.topicId)).toEqual([id]);
    expect(await deskCommitteeWarnings(w.other, china(5, 0))).toEqual([]);
    await w.db.notice.create({
      data: {
        topicId: id,
        kind: 'DECISION',
        category: 'RESIDENTS',
        title: '决定',
        body: '决定',
        publishedAt: china(4, 600),
      },
    });
    expect(await at(5)).toEqual([]);
  });
});
