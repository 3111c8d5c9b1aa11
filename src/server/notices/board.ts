import 'server-only';
import { randomUUID } from 'node:crypto';
import { can } from '@/domain/authz/can';
import { mayConclude, objectionWindow, type TPeriodUnit } from '@/domain/notices/board';
import type { TAncestry } from '@/domain/territory/places';
import { authorize, type TBy } from '@/server/accounts/by';
import { livesWithin } from '@/server/accounts/scope';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { getFileStore } from '@/server/files/file-store';
import { documentType } from '@/server/files/file-types';
import { checkUpload } from '@/server/files/upload-check';
import { notify } from '@/server/issues/notify';
import { actingAs } from '@/server/people/anonymity';
import { ancestryOf } from '@/server/places/ancestry';
import { publishNotice, sha256 } from './publish';
import { htmlToText, sanitizeNoticeHtml } from './sanitize';
import { chinaDay, today } from '@/server/today';

type TPlace = { streetId: number | null; communityId: number | null; compoundId: number | null };

/** The place a notice covers, with every place above it. */
export function noticeAncestry(n: TPlace) {
  return ancestryOf(
    n.compoundId
      ? { level: 'compound', id: n.compoundId }
      : n.communityId
        ? { level: 'community', id: n.communityId }
        : { level: 'street', id: n.streetId! },
  );
}

const dayOrNever = (d: Date | null) => (d ? chinaDay(d) : '9999-12-31');

/** A place as picked on the form ("compound:5", "community:3", "street:2"), resolved for a notice. */
export async function resolvePlace(ref: string): Promise<{
  place: { streetId: number; communityId: number | null; compoundId: number | null; districtId: number };
  ancestry: TAncestry;
}> {
  const [level, raw] = ref.split(':') as ['compound' | 'community' | 'street', string];
  const ancestry = await ancestryOf({ level, id: Number(raw) });
  if (!ancestry) return refuse('notice.placeUnknown');
  return {
    place: {
      streetId: ancestry.street!,
      communityId: ancestry.community ?? null,
      compoundId: ancestry.compound ?? null,
      districtId: ancestry.district!,
    },
    ancestry,
  };
}

/** Checks attachments by content and structure (PDF, JPEG, PNG, .docx, .xlsx; the limits of UPLOAD_LIMITS.attachment) and stores them. */
async function storeAttachments(files: { name: string; bytes: Buffer }[]) {
  checkUpload(
    'attachment',
    files.map((f) => f.bytes.length),
  );
  if (files.some((f) => f.bytes.length === 0)) refuse('notice.fileEmpty');
  const checked = [];
  for (const f of files) checked.push({ ...f, kind: (await documentType(f.bytes)) ?? refuse('notice.fileType') });
  const store = getFileStore();
  const stored = await Promise.all(
    checked.map(async (f) => {
      const storageKey = `notices/${randomUUID()}.${f.kind.ext}`;
      await store.put(storageKey, f.bytes);
      return {
        name: f.name.slice(0, 120) || `附件.${f.kind.ext}`,
        mime: f.kind.mime,
        bytes: f.bytes.length,
        sha256: sha256(f.bytes),
        storageKey,
      };
    }),
  );
  return { stored, discard: () => Promise.all(stored.map((s) => store.remove(s.storageKey))) };
}

export type TManualNotice = {
  place: string;
  category: 'PARTY' | 'RESIDENTS' | 'FINANCE';
  title: string;
  html: string;
  period: { days: number; unit: TPeriodUnit };
  files?: { name: string; bytes: Buffer }[];
  supersedesId?: number;
};

/** Staff publish a notice by hand (or a correction that supersedes one): sanitised, linked into the chain, audited. */
export async function publishManualNotice(by: TBy, input: TManualNotice) {
  const { place, ancestry } = await resolvePlace(input.place);
  authorize(by, 'notice.publish', ancestry);
  const db = getDb();
  if (input.supersedesId) {
    const old = (await db.notice.findUnique({ where: { id: input.supersedesId } })) ?? refuse('notice.unknown');
    if (old.streetId !== place.streetId || old.communityId !== place.communityId || old.compoundId !== place.compoundId)
      refuse('notice.correctionPlace');
    if (await db.notice.findFirst({ where: { supersedesId: old.id } })) refuse('notice.alreadyCorrected');
  }
  const bodyHtml = sanitizeNoticeHtml(input.html);
  const body = htmlToText(bodyHtml);
  if (body.length < 2) refuse('notice.empty');
  const { stored, discard } = await storeAttachments(input.files ?? []);
  try {
    return await db.$transaction(async (tx) => {
      if (input.supersedesId) await lockUncorrected(tx, input.supersedesId);
      const n = await publishNotice(tx, {
        kind: 'MANUAL',
        category: input.category,
        title: input.title,
        body,
        bodyHtml,
        place,
        period: input.period,
        supersedesId: input.supersedesId ?? null,
        createdById: by.userId,
        attachments: stored,
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: input.supersedesId ? 'notice.correct' : 'notice.publish',
        entityType: 'Notice',
        entityId: n.id,
        after: { title: input.title, category: input.category, seq: n.seq, supersedes: input.supersedesId ?? null },
        communityId: place.communityId,
        compoundId: place.compoundId,
      });
      return { id: n.id, uncovered: n.uncovered, districtId: place.districtId };
    });
  } catch (e) {
    await discard();
    // The unique key on supersedesId is the last word: whatever path got past the check, one correction stands.
    if ((e as { code?: string }).code === 'P2002' && input.supersedesId) refuse('notice.alreadyCorrected');
    throw e;
  }
}

/** Holds the corrected notice until the transaction ends and checks, under that lock, that nobody corrected it first. */
async function lockUncorrected(tx: TTx, noticeId: number) {
  await tx.$queryRaw`SELECT id FROM "Notice" WHERE id = ${noticeId} FOR UPDATE`;
  if (await tx.notice.findFirst({ where: { supersedesId: noticeId }, select: { id: true } })) refuse('notice.alreadyCorrected');
}

/** Who may object: a verified resident whose home is in the notice's place (notice.object). */
const livesAt = (by: TBy, ancestry: TAncestry) => livesWithin(by, ancestry, 'notice.object');

/** A verified resident of the place objects during the period (optionally anonymous, in the strict sense). */
export async function fileObjection(by: TBy, noticeId: number, input: { body: string; anonymous: boolean }) {
  const db = getDb();
  const n = (await db.notice.findUnique({ where: { id: noticeId } })) ?? refuse('notice.unknown');
  const superseded = !!(await db.notice.findFirst({ where: { supersedesId: n.id }, select: { id: true } }));
  const w = objectionWindow(today(), { publishedOn: dayOrNever(n.publishedAt), lastDay: dayOrNever(n.periodEndsAt), superseded });
  if (w !== 'OPEN') refuse(`notice.window${w}`);
  const ancestry = (await noticeAncestry(n)) ?? refuse('notice.unknown');
  if (!(await livesAt(by, ancestry))) refuse('notice.notResident');
  return db.$transaction(async (tx) => {
    const o = await tx.objection.create({ data: { noticeId, authorUserId: by.userId, anonymous: input.anonymous, body: input.body } });
    await notify(tx, [n.createdById], {
      kind: 'notice.objection',
      link: `/board/n/${n.id}`,
      title: n.title,
      body: input.body.slice(0, 60),
    });
    const actor = actingAs(by, input.anonymous);
    await writeAudit(tx, {
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'notice.object',
      entityType: 'Objection',
      entityId: o.id,
      after: { noticeId, anonymous: input.anonymous },
      communityId: n.communityId,
      compoundId: n.compoundId,
    });
    return { id: o.id };
  });
}

export async function answerObjection(by: TBy, objectionId: number, answer: string) {
  const db = getDb();
  const o = (await db.objection.findUnique({ where: { id: objectionId }, include: { notice: true } })) ?? refuse('notice.unknown');
  authorize(by, 'notice.publish', await noticeAncestry(o.notice));
  if (o.answeredAt) refuse('notice.answered');
  await db.$transaction(async (tx) => {
    const r = await tx.objection.updateMany({
      where: { id: o.id, answeredAt: null },
      data: { answer, answeredById: by.userId, answeredBy: by.label, answeredAt: new Date() },
    });
    if (r.count !== 1) refuse('notice.answered');
    if (o.authorUserId)
      await notify(tx, [o.authorUserId], {
        kind: 'notice.answered',
        link: `/board/n/${o.noticeId}`,
        title: o.notice.title,
        body: answer.slice(0, 60),
      });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'notice.answer',
      entityType: 'Objection',
      entityId: o.id,
      after: { answer },
      communityId: o.notice.communityId,
      compoundId: o.notice.compoundId,
    });
  });
}

/** Closes the period: "publicised without objection", or with every objection answered. */
export async function concludeNotice(by: TBy, noticeId: number) {
  const db = getDb();
  const n =
    (await db.notice.findUnique({ where: { id: noticeId }, include: { objections: { select: { answeredAt: true } } } })) ??
    refuse('notice.unknown');
  authorize(by, 'notice.publish', await noticeAncestry(n));
  const r = mayConclude(today(), {
    lastDay: dayOrNever(n.periodEndsAt),
    objections: n.objections.map((o) => ({ answered: o.answeredAt !== null })),
    concluded: n.concludedAt !== null,
  });
  if (!r.ok) return refuse(r.code);
  await db.$transaction(async (tx) => {
    await tx.notice.update({ where: { id: n.id }, data: { concludedAt: new Date(), concludedById: by.userId } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'notice.conclude',
      entityType: 'Notice',
      entityId: n.id,
      after: { withObjections: r.withObjections },
      communityId: n.communityId,
      compoundId: n.compoundId,
    });
  });
}

/** May this actor publish at / manage the notice's place? (for showing staff forms; the use cases check again) */
export async function managesNotice(by: TBy | null, n: TPlace) {
  if (!by) return false;
  const a = await noticeAncestry(n);
  return !!a && can(by.actor, 'notice.publish', { ancestry: a }, by.today);
}
export { livesAt };
