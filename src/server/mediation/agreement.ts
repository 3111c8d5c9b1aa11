import 'server-only';
import { randomUUID } from 'node:crypto';
import { agreementCopies, checkAgreement, signingRefusal } from '@/domain/mediation/agreement';
import { caseTransition } from '@/domain/mediation/status';
import type { TAuditAction } from '@/domain/audit/actions';
import type { AgreementStatus } from '@/generated/prisma/client';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { getFileStore } from '@/server/files/file-store';
import { documentType } from '@/server/files/file-types';
import { checkUpload } from '@/server/files/upload-check';
import { sha256 } from '@/server/notices/publish';
import { dateOnly, fromDateOnly } from '@/server/today';
import { requireCase } from './access';
import { endIssueOfCase } from './issue-seam';
import { lockCase } from './mediators';

/** The agreement being written or signed: at most one per case (the partial unique index MediationAgreement_one_open). */
export const OPEN_AGREEMENT = { status: { in: ['DRAFT', 'SIGNED'] as AgreementStatus[] } };

/** Audit rows of mediation carry ids and statuses only (decision 062): the audit page is read more widely than the case. */
export function auditCase(
  tx: TTx,
  by: TBy,
  c: { id: number; communityId: number; compoundId: number | null },
  action: TAuditAction,
  entity: { type: 'MediationCase' | 'MediationAgreement' | 'MediationFollowUp'; id: number },
  change: { before?: Record<string, string | number | boolean | null>; after?: Record<string, string | number | boolean | null> },
) {
  return writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action,
    entityType: entity.type,
    entityId: entity.id,
    ...change,
    after: { caseId: c.id, ...change.after },
    communityId: c.communityId,
    compoundId: c.compoundId,
  });
}

export type TAgreementDraft = { facts: string; terms: string; performance: string; dueOn: string };

/**
 * A mediator drafts the 人民调解协议书, or edits the draft, while the case is open: the parties come from the case (both
 * sides needed), the terms one per line (at least one), a deadline from today on. Saved again, the same draft is updated.
 */
export async function draftAgreement(by: TBy, caseId: number, input: TAgreementDraft) {
  return getDb().$transaction(async (tx) => {
    const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { db: tx });
    await lockCase(tx, caseId);
    const status = (await tx.mediationCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).status;
    if (status !== 'OPEN') refuse('mediation.wrongState');
    const sides = (await tx.mediationParty.findMany({ where: { caseId }, select: { side: true } })).map((p) => p.side);
    const checked = checkAgreement({ ...input, sides }, by.today);
    if (!checked.ok) return refuse(checked.code);
    const { facts, terms, performance, dueOn } = checked.value;
    const data = { facts, terms, performance, dueOn: dateOnly(dueOn) };
    const open = await tx.mediationAgreement.findFirst({ where: { caseId, ...OPEN_AGREEMENT } });
    if (open?.status === 'SIGNED') refuse('mediation.agreementSigned');
    const a = open
      ? await tx.mediationAgreement.update({ where: { id: open.id }, data })
      : await tx.mediationAgreement.create({ data: { caseId, ...data, createdById: by.userId } });
    await auditCase(
      tx,
      by,
      c,
      'mediation.draftAgreement',
      { type: 'MediationAgreement', id: a.id },
      { after: { status: 'DRAFT', created: !open } },
    );
    return { id: a.id };
  });
}

/** The scan of the signed agreement as uploaded: a PDF or a photo, checked by its content (never its name). */
export type TScan = { name: string; bytes: Buffer };

const SCAN_EXT = new Set(['pdf', 'jpg', 'png']);

async function storeScan(scan: TScan | undefined) {
  if (!scan || scan.bytes.length === 0) return refuse('mediation.scanMissing');
  checkUpload('receipt', [scan.bytes.length]);
  const type = await documentType(scan.bytes);
  if (!type || !SCAN_EXT.has(type.ext)) return refuse('mediation.scanType');
  const key = `mediation/${randomUUID()}.${type.ext}`;
  await getFileStore().put(key, scan.bytes);
  return {
    scanKey: key,
    scanMime: type.mime,
    scanBytes: scan.bytes.length,
    scanSha256: sha256(scan.bytes),
    scanName: scan.name.slice(0, 120) || `协议书.${type.ext}`,
  };
}

const SIGNED_MESSAGE = '双方达成调解协议';

/**
 * The parties signed the printed agreement: the day signed and its scan. The case is AGREED (concluded that day), the
 * agreement SIGNED; the issue it came from (if any) is resolved ("双方达成调解协议") and its reporter asked to rate.
 * The scan is stored first and removed again if anything refuses.
 */
export async function signAgreement(by: TBy, caseId: number, input: { signedOn: string; scan?: TScan }) {
  await requireCase(by, caseId, 'mediation.mediate');
  const scan = await storeScan(input.scan);
  try {
    return await getDb().$transaction(async (tx) => {
      const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { db: tx });
      await lockCase(tx, caseId);
      const now = await tx.mediationCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, issueId: true } });
      const moved = caseTransition(now.status, { type: 'SIGN_AGREEMENT' });
      if (!moved.ok) return refuse(moved.code);
      const draft = (await tx.mediationAgreement.findFirst({ where: { caseId, status: 'DRAFT' } })) ?? refuse('mediation.noDraft');
      const code = signingRefusal(
        { signedOn: input.signedOn, receivedOn: fromDateOnly(c.receivedOn), dueOn: fromDateOnly(draft.dueOn) },
        by.today,
      );
      if (code) return refuse(code);
      const signedOn = dateOnly(input.signedOn);
      await tx.mediationAgreement.update({ where: { id: draft.id }, data: { status: 'SIGNED', signedOn, ...scan } });
      await tx.mediationCase.update({ where: { id: caseId }, data: { status: moved.next, concludedOn: signedOn } });
      await endIssueOfCase(tx, now.issueId, 'DONE', SIGNED_MESSAGE);
      await auditCase(
        tx,
        by,
        c,
        'mediation.signAgreement',
        { type: 'MediationAgreement', id: draft.id },
        {
          before: { status: 'DRAFT', caseStatus: now.status },
          after: { status: 'SIGNED', caseStatus: moved.next },
        },
      );
      return { id: draft.id };
    });
  } catch (e) {
    await getFileStore().remove(scan.scanKey);
    throw e;
  }
}

/** A resident party's address: the household's place on the roster (小区 楼栋 单元 室). */
const homeOf = (h: { unitNo: string; roomNo: string; building: { name: string; compound: { name: string } } }) =>
  `${h.building.compound.name}${h.building.name}${h.unitNo}单元${h.roomNo}室`;

/**
 * The 人民调解协议书 as printed for signing (staff only: the parties get their copy on paper). A staff read of the case's
 * content, audited.
 */
export async function agreementForPrint(by: TBy, caseId: number) {
  const db = getDb();
  const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { audit: true });
  // The one being written or signed, or on a closed case the one that was kept (a broken one was replaced).
  const a = await db.mediationAgreement.findFirst({ where: { caseId, status: { not: 'BROKEN' } }, orderBy: { id: 'desc' } });
  if (!a) return null;
  const [community, parties, mediators] = await Promise.all([
    db.community.findUniqueOrThrow({
      where: { id: c.communityId },
      select: { name: true, bodies: { where: { kind: 'MEDIATION_COMMITTEE' }, select: { name: true }, take: 1, orderBy: { id: 'asc' } } },
    }),
    db.mediationParty.findMany({
      where: { caseId },
      orderBy: [{ side: 'asc' }, { id: 'asc' }],
      include: {
        person: { select: { gender: true, birthYear: true, phone: true } },
        household: { select: { unitNo: true, roomNo: true, building: { select: { name: true, compound: { select: { name: true } } } } } },
      },
    }),
    db.caseMediator.findMany({
      where: { caseId },
      orderBy: [{ lead: 'desc' }, { id: 'asc' }],
      select: { person: { select: { name: true } } },
    }),
  ]);
  const year = Number(by.today.slice(0, 4));
  return {
    caseNo: { year: c.year, seq: c.seq, community: community.name.replace(/社区$/, '') },
    committee: community.bodies[0]?.name ?? `${community.name}人民调解委员会`,
    status: a.status,
    parties: parties.map((p) => ({
      side: p.side,
      name: p.name,
      gender: p.person?.gender ?? null,
      age: p.person?.birthYear ? year - p.person.birthYear : null,
      address: p.household ? homeOf(p.household) : (p.address ?? null),
      phone: p.phone ?? p.person?.phone ?? null,
    })),
    mediators: mediators.map((m) => m.person.name),
    facts: a.facts,
    terms: (a.terms as { text: string }[]).map((t) => t.text),
    performance: a.performance,
    dueOn: fromDateOnly(a.dueOn),
    signedOn: a.signedOn ? fromDateOnly(a.signedOn) : null,
    copies: agreementCopies(parties.length),
  };
}

/**
 * The signed scan, for the case's staff and its parties (their own agreement); a staff download is audited
 * (mediation.readScan). The latest signed agreement's; null when none was signed.
 */
export async function agreementScan(by: TBy, caseId: number) {
  return getDb().$transaction(async (tx) => {
    const access = await requireCase(by, caseId, 'read', { db: tx });
    const a = await tx.mediationAgreement.findFirst({ where: { caseId, scanKey: { not: null } }, orderBy: { id: 'desc' } });
    if (!a?.scanKey) return null;
    const bytes = await getFileStore().get(a.scanKey);
    if (!bytes) return null;
    if (access.view === 'staff') await auditCase(tx, by, access.case, 'mediation.readScan', { type: 'MediationAgreement', id: a.id }, {});
    return { bytes, key: a.scanKey, name: a.scanName ?? `agreement-${caseId}` };
  });
}
