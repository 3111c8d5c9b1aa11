// S3 as the scenario tells it (issue 19 item 6): reported with a photo's words → the building's party member acknowledges
// → hands it to the compound branch → the branch hands it to the property firm, adds the owners' committee, the firm
// estimates the cost, the branch consults building 3's owners (three answer) → resolved within two days and rated.
// The hand-offs, the co-handler, the estimate and the consultation go through the use cases (src/server/issues/handoff.ts);
// their times are then set to the scenario's, as the factory does for the steps before and after them.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { addCoHandler, answerConsultation, handOff, openConsultation, recordEstimate } from '../../src/server/issues/handoff.ts';
import { createIssueWithHistory } from '../../tests/factories/issues.ts';
import { seedBy } from './seed-by.ts';

const MIN = 60_000;

export async function seedS3Handling(tx: Prisma.TransactionClient, now: Date) {
  const [reporter, head, secretary, firm, neighbour] = await Promise.all(
    ['13900006003', '13900006002', '13900009301', '13900009302', '13900009304'].map((phone) => seedBy(tx, phone)),
  );
  const building3 = await tx.building.findFirstOrThrow({ where: { name: '3栋', compound: { name: '金沙小区' } } });
  const createdAt = new Date(now.getTime() - 10 * 24 * 3600_000);
  const issue = await createIssueWithHistory(tx, {
    categoryCode: 'FACILITIES',
    title: '3栋化粪池堵塞',
    description: '3栋一单元化粪池堵塞，污水漫到楼道，附近住户没法用卫生间。',
    compoundId: building3.compoundId,
    buildingId: building3.id,
    authorUserId: reporter!.userId,
    assigneeUserId: head!.userId,
    createdAt,
    acknowledgeBy: new Date(createdAt.getTime() + 120 * MIN),
    resolveBy: new Date(createdAt.getTime() + 48 * 60 * MIN),
    steps: [
      {
        type: 'ACKNOWLEDGE',
        toState: 'ACKNOWLEDGED',
        actorUserId: head!.userId,
        actorLabel: head!.label,
        message: '已到现场查看',
        minutesAfter: 35,
      },
    ],
  });
  const id = issue.id;
  await handOff(head!, id, { to: { kind: 'user', userId: secretary!.userId }, keepPrevious: true, note: '报小区党支部牵头' }, tx);
  await handOff(secretary!, id, { to: { kind: 'firm' }, keepPrevious: true, note: '支部召集物业和业委会现场商量，由物业负责疏通' }, tx);
  await addCoHandler(secretary!, id, { kind: 'committee' }, tx);
  await recordEstimate(firm!, id, { amountFen: 380_000, note: '疏通化粪池并更换破损排污管' }, tx);
  const { consultationId } = await openConsultation(
    secretary!,
    id,
    { question: '是否同意疏通和换管费用约3800元由3栋维修资金列支？', hours: 24 },
    tx,
  );
  await answerConsultation(head!, consultationId, 'AGREE', tx);
  await answerConsultation(reporter!, consultationId, 'AGREE', tx);
  await answerConsultation(neighbour!, consultationId, 'NO_VIEW', tx);

  // The scenario's times: every step within the two days.
  const at = (minutes: number) => new Date(createdAt.getTime() + minutes * MIN);
  const times: [string, number][] = [
    ['HAND_OFF', 40],
    ['HAND_OFF', 180],
    ['ADD_CO_HANDLER', 185],
    ['ESTIMATE', 300],
    ['CONSULT', 320],
  ];
  const events = await tx.issueEvent.findMany({ where: { issueId: id, type: { in: times.map(([t]) => t) } }, orderBy: { id: 'asc' } });
  for (const [i, e] of events.entries()) await tx.issueEvent.update({ where: { id: e.id }, data: { at: at(times[i]![1]) } });
  await tx.issueConsultation.update({ where: { id: consultationId }, data: { createdAt: at(320), closesAt: at(320 + 24 * 60) } });
  const answers = await tx.issueConsultationAnswer.findMany({ where: { consultationId }, orderBy: { id: 'asc' } });
  for (const [i, a] of answers.entries()) await tx.issueConsultationAnswer.update({ where: { id: a.id }, data: { at: at(400 + i * 90) } });

  // The repair, as the factory records steps: the firm starts and resolves it, the reporter rates it.
  const steps = [
    { type: 'START', toState: 'IN_PROGRESS' as const, by: firm!, message: '业主同意，物业开始疏通', minutes: 24 * 60 + 30 },
    { type: 'RESOLVE', toState: 'RESOLVED' as const, by: firm!, message: '已疏通化粪池并更换排污管', minutes: 44 * 60 },
    { type: 'RATE', toState: 'CLOSED' as const, by: reporter!, message: '两天就修好了，谢谢党支部和物业', minutes: 46 * 60 },
  ];
  let from = 'ACKNOWLEDGED' as const as 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'RESOLVED';
  for (const s of steps) {
    await tx.issueEvent.create({
      data: {
        issueId: id,
        at: at(s.minutes),
        actorUserId: s.by.userId,
        actorLabel: s.by.label,
        type: s.type,
        fromState: from,
        toState: s.toState,
        level: 'COMPOUND',
        message: s.message,
      },
    });
    if (s.toState !== 'CLOSED') from = s.toState;
  }
  await tx.issue.update({
    where: { id },
    data: { state: 'CLOSED', rating: 'SATISFIED', ratingComment: '两天就修好了，谢谢党支部和物业' },
  });
}
