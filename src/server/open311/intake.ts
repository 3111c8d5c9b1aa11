import 'server-only';
import { randomUUID } from 'node:crypto';
import { scopesOf } from '@/domain/authz/can';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { placeOf, storeIssue } from '@/server/issues/raise-issue';
import { once } from '@/server/once';
import type { TApiClient } from './api-keys';

/**
 * Open311 requests no compound could be found for (decision 060): accepted with a GeoReport token, kept in the
 * district's queue, and stored as an issue when staff who handle issues district-wide place them in a compound.
 */

type TCaller = { name: string | null; phone: string | null };

/** A caller with an account (a mobile number) becomes the author and follows it; one without is kept for the call-back. */
export async function reporterOf(caller: TCaller) {
  const account =
    caller.phone && /^1\d{10}$/.test(caller.phone)
      ? await getDb().user.findUnique({ where: { phone: caller.phone }, select: { id: true, disabledAt: true } })
      : null;
  return account && !account.disabledAt
    ? { authorUserId: account.id, reporterName: null, reporterPhone: null }
    : { authorUserId: null, reporterName: caller.name, reporterPhone: caller.phone };
}

/** The first line of a hotline description, at most 30 characters (the form's title). */
export function titleOf(description: string) {
  const first = description.split(/\r?\n/)[0]!.slice(0, 30);
  return first.length >= 2 ? first : description.slice(0, 30);
}

type TUnplaced = {
  categoryId: number;
  description: string;
  address_string?: string;
  lat?: number;
  long?: number;
  media_url?: string;
  caller: TCaller;
  idempotencyKey: string;
};

/** Keeps a request for staff to place; a retry with the same idempotency key gets the same token. */
export async function acceptUnplaced(client: TApiClient, districtId: number, r: TUnplaced): Promise<string> {
  const db = getDb();
  // The key's idempotency key already names the API key; `once` answers a retry (or two at once) with the first's token.
  const find = async (key: string) => {
    const kept = await db.open311Intake.findUnique({ where: { idempotencyKey: key }, select: { token: true, apiKeyId: true } });
    return kept && { made: kept.token, madeBy: kept.apiKeyId };
  };
  return once(r.idempotencyKey, client.keyId, find, () =>
    db.$transaction(async (tx) => {
      const row = await tx.open311Intake.create({
        data: {
          token: randomUUID(),
          districtId,
          apiKeyId: client.keyId,
          categoryId: r.categoryId,
          description: r.description,
          addressString: r.address_string ?? null,
          lat: r.lat ?? null,
          long: r.long ?? null,
          mediaUrl: r.media_url ?? null,
          reporterName: r.caller.name,
          reporterPhone: r.caller.phone,
          anonymous: !r.caller.phone,
          idempotencyKey: r.idempotencyKey,
        },
      });
      await writeAudit(tx, {
        actorId: null,
        actorLabel: `${client.name}（12345/Open311）`,
        action: 'open311.accept',
        entityType: 'Open311Intake',
        entityId: row.id,
        after: { categoryId: r.categoryId, anonymous: row.anonymous },
        districtId,
      });
      return row.token;
    }),
  );
}

/** The unplaced requests of the districts where the viewer handles issues district-wide, oldest first. */
export async function listIntakes(by: TBy) {
  const districts = scopesOf(by.actor, 'issue.handle', by.today)
    .filter((p) => p.level === 'district')
    .map((p) => p.id);
  if (!districts.length) return [];
  const db = getDb();
  const rows = await db.open311Intake.findMany({
    where: { districtId: { in: districts }, issueId: null },
    orderBy: { id: 'asc' },
    take: 200,
    select: {
      id: true,
      districtId: true,
      categoryId: true,
      description: true,
      addressString: true,
      lat: true,
      long: true,
      mediaUrl: true,
      reporterName: true,
      reporterPhone: true,
      createdAt: true,
    },
  });
  const categories = new Map(
    (
      await db.issueCategory.findMany({
        where: { id: { in: rows.map((r) => r.categoryId) } },
        select: { id: true, nameZh: true, nameEn: true },
      })
    ).map((c) => [c.id, c]),
  );
  return rows.map((r) => ({ ...r, category: categories.get(r.categoryId)! }));
}

/**
 * Staff place an unplaced request in a compound of its district: the issue is stored then (routed and timed like any
 * other, from this moment), in one transaction with the intake's link to it. The row is locked first, so two clicks
 * at once store one issue; the second answers the first's.
 */
export async function placeIntake(by: TBy, intakeId: number, compoundId: number): Promise<{ issueId: number }> {
  const db = getDb();
  const intake = await db.open311Intake.findUnique({ where: { id: intakeId } });
  authorize(by, 'issue.handle', intake && { district: intake.districtId });
  const compound = await db.compound.findFirst({ where: { id: compoundId, districtId: intake!.districtId }, select: { id: true } });
  if (!compound) return refuse('open311.addressUnknown');
  const ancestry = await placeOf({ compoundId });
  const key = await db.apiKey.findUniqueOrThrow({ where: { id: intake!.apiKeyId }, select: { name: true } });
  const label = `${key.name}（12345/Open311）`;
  const reporter = await reporterOf({ name: intake!.reporterName, phone: intake!.reporterPhone });
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { issueId: number | null }[]
    >`SELECT "issueId" FROM "Open311Intake" WHERE id = ${intakeId} FOR UPDATE`;
    if (locked?.issueId) return { issueId: locked.issueId };
    const i = intake!;
    const { id: issueId } = await storeIssue(
      {
        categoryId: i.categoryId,
        title: titleOf(i.description),
        description: i.description,
        compoundId,
        anonymous: i.anonymous,
        idempotencyKey: i.idempotencyKey,
      },
      ancestry,
      {
        reporter,
        channel: 'OPEN311',
        enteredById: null,
        apiKeyId: i.apiKeyId,
        mediaUrl: i.mediaUrl,
        eventActor: { id: null, label },
        auditActor: { id: null, label },
        tx,
      },
    );
    await tx.open311Intake.update({ where: { id: intakeId }, data: { issueId, placedById: by.userId, placedAt: new Date() } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'open311.place',
      entityType: 'Open311Intake',
      entityId: intakeId,
      after: { issueId, compoundId },
      districtId: i.districtId,
      compoundId,
    });
    return { issueId };
  });
}

/** The compounds staff may place a district's requests in, as "晋阳社区 · 北苑小区" (the raise form's labels). */
export async function compoundChoices(districtIds: number[]) {
  const rows = await getDb().compound.findMany({
    where: { districtId: { in: districtIds } },
    orderBy: [{ communityId: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, districtId: true, community: { select: { name: true } } },
  });
  const byDistrict = new Map<number, { value: string; label: string }[]>();
  for (const c of rows)
    byDistrict.set(c.districtId, [
      ...(byDistrict.get(c.districtId) ?? []),
      { value: String(c.id), label: `${c.community.name} · ${c.name}` },
    ]);
  return byDistrict;
}
