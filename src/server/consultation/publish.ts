import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { publishNotice } from '@/server/notices/publish';
import { managedList } from './lists';

const WHEN = (i: { quarter: number | null; month: number | null }) =>
  i.quarter ? `（第${i.quarter}季度）` : i.month ? `（${i.month}月）` : '';
const SOURCE = { RESIDENTS: '居民提议', COMMITTEES: '两委', HIGHER: '上级', OTHER: '其他' } as const;

/**
 * The list published to the community's board: a residents'-affairs notice (居务公开) in the hash chain, its text
 * the lines in order. Published again after a change, it corrects the notice before (supersedesId). Two
 * secretaries publishing at once publish once: the list's lockVersion moves with the first.
 */
export async function publishList(by: TBy, listId: number, lockVersion: number) {
  const l = await managedList(by, listId);
  const db = getDb();
  const items = await db.consultationItem.findMany({
    where: { listId, retiredAt: null },
    orderBy: { line: 'asc' },
    include: { category: { select: { nameZh: true } } },
  });
  if (items.length === 0) refuse('consultation.listEmpty');
  const community = await db.community.findUniqueOrThrow({ where: { id: l.communityId }, select: { name: true } });
  const body = items
    .map(
      (i) => `${i.line}. ${i.title}${WHEN(i)}〔${i.category.nameZh}·${SOURCE[i.source]}〕${i.description ? `\n   ${i.description}` : ''}`,
    )
    .join('\n');
  return db.$transaction(async (tx) => {
    const moved = await tx.consultationList.updateMany({ where: { id: listId, lockVersion }, data: { lockVersion: { increment: 1 } } });
    if (moved.count !== 1) refuse('consultation.listChanged');
    const notice = await publishNotice(tx, {
      kind: 'CONSULTATION_LIST',
      category: 'RESIDENTS',
      title: `${community.name}${l.year}年度协商目录${l.noticeId ? '（更正）' : ''}`,
      body,
      place: { streetId: l.ancestry.street!, communityId: l.communityId, compoundId: null, districtId: l.ancestry.district! },
      supersedesId: l.noticeId,
      createdById: by.userId,
    });
    await tx.consultationList.update({
      where: { id: listId },
      data: { status: 'PUBLISHED', noticeId: notice.id, publishedAt: notice.publishedAt },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'consultationList.publish',
      entityType: 'ConsultationList',
      entityId: listId,
      before: { notice: l.noticeId },
      after: { notice: notice.id, lines: items.length },
      communityId: l.communityId,
    });
    return { noticeId: notice.id };
  });
}
