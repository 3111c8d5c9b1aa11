import { beforeAll, describe, expect, test } from 'vitest';
import { addMediator, removeMediator } from '@/server/mediation/mediators';
import { addParty } from '@/server/mediation/parties';
import { hasCases, myCases, readCase } from '@/server/mediation/read';
import { receiveCase } from '@/server/mediation/receive';
import { cancelSession, recordSession, scheduleSession } from '@/server/mediation/sessions';
import { withdrawCase } from '@/server/mediation/withdraw';
import type { TBy } from '@/server/accounts/by';
import { asUser } from '../../factories/mediation';
import { refusal } from '../refusal';
import { mediationWorld, snapshot, walkIn } from './support';

let w: Awaited<ReturnType<typeof mediationWorld>>;
let caseId: number;
let mediatorId: number;
let partyIds: number[];
const HOUR = 3600_000;

beforeAll(async () => {
  w = await mediationWorld();
  caseId = (
    await receiveCase(w.secretary, {
      kind: 'WATER_LEAK',
      source: 'ISSUE',
      urgency: 'NORMAL',
      summary: '楼上漏水赔偿争议',
      issueId: w.cast.issue.id,
    })
  ).id;
  await addParty(w.secretary, caseId, {
    side: 'RESPONDENT',
    personId: w.cast.respondent.personId,
    householdId: w.cast.households.respondent,
  });
  mediatorId = (
    await addMediator(w.secretary, caseId, {
      personId: w.cast.studioMediator.personId,
      source: 'STUDIO',
      lead: true,
      confirmNeighbour: false,
    })
  ).id;
  partyIds = (await w.db.mediationParty.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((p) => p.id);
});

describe('sessions (issue 21 item 4)', () => {
  test('scheduled in the future, numbered 1, 2 even when two are scheduled at once; the parties told time and place only', async () => {
    const mediator = await asUser(w.cast.studioMediator.id, '工作室调解员');
    const at = (h: number) => ({ startsAt: new Date(Date.now() + h * HOUR), location: '金阳社区调解室', format: 'FACE_TO_FACE' as const });
    const [a, b] = await Promise.all([scheduleSession(mediator, caseId, at(24)), scheduleSession(w.secretary, caseId, at(48))]);
    expect([a.no, b.no].sort()).toEqual([1, 2]);
    const told = await w.db.notification.findMany({ where: { userId: w.cast.respondent.id, kind: 'mediation.session' } });
    expect(told).toHaveLength(2);
    for (const n of told) expect(`${n.title}${n.body}`).not.toMatch(/漏水|赔偿/);
    await cancelSession(mediator, caseId, b.id);
    expect((await w.db.mediationSession.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('CANCELLED');
  });

  test('bad sessions refused with nothing written: in the past, before the case, not yet started, strangers attending', async () => {
    const before = await snapshot();
    const held = {
      attendance: { partyIds, mediatorIds: [mediatorId] },
      notes: '双方陈述',
      location: '调解室',
      format: 'BACK_TO_BACK' as const,
    };
    const scheduled = await w.db.mediationSession.findFirstOrThrow({ where: { caseId, status: 'SCHEDULED' } });
    const bad: [Promise<string>, string][] = [
      [
        refusal(
          scheduleSession(w.secretary, caseId, { startsAt: new Date(Date.now() - HOUR), location: '调解室', format: 'FACE_TO_FACE' }),
        ),
        'mediation.sessionPast',
      ],
      [
        refusal(scheduleSession(w.secretary, caseId, { startsAt: new Date(Date.now() + HOUR), location: ' ', format: 'FACE_TO_FACE' })),
        'mediation.badInput',
      ],
      [
        refusal(recordSession(w.secretary, caseId, { ...held, startsAt: new Date(Date.now() - 3 * 86_400_000) })),
        'mediation.sessionBeforeCase',
      ],
      [refusal(recordSession(w.secretary, caseId, { ...held, startsAt: new Date(Date.now() + HOUR) })), 'mediation.sessionNotYet'],
      [refusal(recordSession(w.secretary, caseId, { ...held, sessionId: scheduled.id })), 'mediation.sessionNotYet'],
      [
        refusal(
          recordSession(w.secretary, caseId, {
            ...held,
            startsAt: new Date(Date.now() - 60_000),
            attendance: { partyIds: [999999], mediatorIds: [mediatorId] },
          }),
        ),
        'mediation.badInput',
      ],
      [
        refusal(
          recordSession(w.secretary, caseId, {
            ...held,
            startsAt: new Date(Date.now() - 60_000),
            attendance: { partyIds: [], mediatorIds: [] },
          }),
        ),
        'mediation.attendance',
      ],
      [
        refusal(recordSession(w.secretary, caseId, { ...held, startsAt: new Date(Date.now() - 60_000), notes: '  ' })),
        'mediation.badInput',
      ],
    ];
    for (const [p, code] of bad) expect(await p, code).toBe(code);
    expect(await snapshot()).toEqual(before);
    // A session already held today is recorded, numbered after the scheduled ones.
    const s = await recordSession(w.secretary, caseId, { ...held, startsAt: new Date(Date.now() - 60_000), outcome: '双方同意分担维修费' });
    expect(s.no).toBe(3);
    // A scheduled session is recorded once it has started.
    const started = await recordSession(
      w.secretary,
      caseId,
      { ...held, sessionId: scheduled.id },
      new Date(scheduled.startsAt.getTime() + HOUR),
    );
    expect(started.no).toBe(scheduled.no);
  });
});

describe('who reads and acts on a case (item 6, decision 062)', () => {
  const outsiders = () => ({
    另一社区书记: w.cast.otherSecretary.id,
    无关居民: w.cast.unrelated.id,
    街道干部: w.staff.jinyangStreet.id,
    支部书记: w.cast.branchSecretary.id,
    调委会委员: w.cast.member.id,
  });

  test('outsiders are refused for the read and every action, with nothing written', async () => {
    const scheduledId = (
      await scheduleSession(w.secretary, caseId, { startsAt: new Date(Date.now() + 72 * HOUR), location: '调解室', format: 'FACE_TO_FACE' })
    ).id;
    const before = await snapshot();
    for (const [who, userId] of Object.entries(outsiders())) {
      const by: TBy = await asUser(userId);
      const calls: Promise<string>[] = [
        refusal(readCase(by, caseId)),
        refusal(addParty(by, caseId, { side: 'RESPONDENT', name: '某人', phone: '13700002222' })),
        refusal(addMediator(by, caseId, { personId: w.cast.chair.personId, source: 'COMMITTEE', lead: false, confirmNeighbour: false })),
        refusal(scheduleSession(by, caseId, { startsAt: new Date(Date.now() + HOUR), location: '调解室', format: 'FACE_TO_FACE' })),
        refusal(
          recordSession(by, caseId, {
            startsAt: new Date(Date.now() - 60_000),
            location: '调解室',
            format: 'FACE_TO_FACE',
            attendance: { partyIds, mediatorIds: [mediatorId] },
            notes: 'x',
          }),
        ),
        refusal(withdrawCase(by, caseId)),
        refusal(cancelSession(by, caseId, scheduledId)),
        refusal(removeMediator(by, caseId, mediatorId)),
      ];
      for (const p of calls) expect(await p, who).toBe('auth.forbidden');
      expect(
        (await myCases(by)).map((c) => c.id),
        who,
      ).not.toContain(caseId);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('a staff read is audited (ids only); a party reads the party view, unaudited, without notes or the other phone', async () => {
    const audits = () => w.db.auditLog.count({ where: { action: 'mediation.read', entityId: String(caseId) } });
    const n = await audits();
    const staff = await readCase(await asUser(w.cast.studioMediator.id), caseId);
    expect(staff.view).toBe('staff');
    expect(await audits()).toBe(n + 1);
    const row = await w.db.auditLog.findFirstOrThrow({
      where: { action: 'mediation.read', entityId: String(caseId) },
      orderBy: { id: 'desc' },
    });
    expect([row.before, row.after]).toEqual([null, null]);

    const party = await readCase(await asUser(w.cast.respondent.id), caseId);
    expect(await audits()).toBe(n + 1);
    expect(party.view).toBe('party');
    const text = JSON.stringify(party);
    expect(text).not.toContain('漏水');
    expect(text).not.toContain('双方陈述');
    const phone = async (personId: number) => (await w.db.person.findUniqueOrThrow({ where: { id: personId } })).phone!;
    expect(text).not.toContain(await phone(w.cast.applicant.personId));
    expect(party.parties.find((p) => p.side === 'RESPONDENT')?.phone).toBe(await phone(w.cast.respondent.personId));
    expect(party.mediators.map((m) => m.name)).toEqual(['工作室调解员']);
    // A party reads their case but acts on nothing: the mediators schedule, record and withdraw.
    const asParty = await asUser(w.cast.respondent.id);
    const before = await snapshot();
    const acts = [
      refusal(scheduleSession(asParty, caseId, { startsAt: new Date(Date.now() + HOUR), location: '我家', format: 'FACE_TO_FACE' })),
      refusal(addParty(asParty, caseId, { side: 'RESPONDENT', name: '某人', phone: '13700004444' })),
      refusal(withdrawCase(asParty, caseId)),
    ];
    expect(await Promise.all(acts)).toEqual(['auth.forbidden', 'auth.forbidden', 'auth.forbidden']);
    expect(await snapshot()).toEqual(before);
    // A party of one case reading another case: refused.
    const other = await receiveCase(w.secretary, { ...walkIn(), communityId: w.jinyang.id });
    expect(await refusal(readCase(await asUser(w.cast.respondent.id), other.id))).toBe('auth.forbidden');
    expect((await myCases(await asUser(w.cast.respondent.id))).map((c) => c.id)).toEqual([caseId]);
    expect((await myCases(w.secretary)).map((c) => c.id)).toEqual(expect.arrayContaining([caseId, other.id]));
    // The 调解 links on /admin and /me: for managers, mediators and parties; not for an unrelated resident or the street.
    const links = async (userId: number) => hasCases(await asUser(userId));
    expect([await links(w.cast.respondent.id), await links(w.cast.studioMediator.id), await hasCases(w.secretary)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([await links(w.cast.unrelated.id), await links(w.staff.jinyangStreet.id)]).toEqual([false, false]);
  });
});
