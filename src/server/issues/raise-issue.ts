import 'server-only';
import { can } from '@/domain/authz/can';
import { deadlinesFrom } from '@/domain/issues/deadlines';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { keptAncestryOf } from '@/server/places/ancestry';
import { livesWithin } from '@/server/accounts/scope';
import { beginRaise } from '@/server/auth/rate-limit';
import { fromChinaLocal, toChinaLocal } from './clock';
import { calendarFor, categoryFor, districtSettings } from './district-settings';
import { todayDateOnly } from '@/server/today';
import { findHandler, policyOf } from './handlers';
import type { Role } from '@/generated/prisma/client';
import { notify } from './notify';
import { ANONYMOUS_LABEL } from '@/server/people/anonymity';
import { storePhotos } from './photos';

export type TRaiseIssue = {
  categoryId: number;
  title: string;
  description: string;
  compoundId: number;
  buildingId?: number;
  anonymous: boolean;
  /** From the form: the same key twice (a double tap) stores one issue. */
  idempotencyKey: string;
  /** Up to six photos as uploaded; checked, resized and stripped of metadata before anything is stored. */
  photos?: Buffer[];
  /** Staff entering it for a resident at a reception day or a door-to-door visit. */
  onBehalfOf?: { name: string; phone: string };
  /** The address it came from (clientOf), for the per-address limit on raising (decision 030). */
  client?: string;
};

/** Who raised it, as stored: an account (who follows it), or a contact without an account. */
type TReporter = { authorUserId: number | null; reporterName: string | null; reporterPhone: string | null };

/**
 * A resident raises an issue (issue.raise): a verified resident in the communities where they live; an
 * unverified account only in the community it named at registration (or of its pending claim), and the issue
 * is marked unverified (decision 030); staff where they handle issues, also on a resident's behalf. Residents
 * raising themselves are rate-limited per account and per address. The issue is routed to its first
 * responder with deadlines on the district's working calendar.
 */
export async function raiseIssue(by: TBy, input: TRaiseIssue) {
  const db = getDb();
  // A resident's own report without photos (nearly all of them) is written in one statement (storeQuickly), whose
  // unique key answers a double tap; the others check the key first, before photos are processed.
  const quick = !input.onBehalfOf && !input.photos?.length;
  const done = quick
    ? null
    : await db.issue.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
        select: { id: true, authorUserId: true, enteredById: true },
      });
  if (done) return done.authorUserId === by.userId || done.enteredById === by.userId ? { id: done.id } : refuse('issue.duplicateKey');

  const ancestry = await placeOf(input);
  const staffHere = can(by.actor, 'issue.handle', { ancestry }, by.today);
  let reporter: TReporter = { authorUserId: by.userId, reporterName: null, reporterPhone: null };
  let unverified = false;
  if (input.onBehalfOf) {
    if (!staffHere) refuse('auth.forbidden');
    reporter = await reporterFor(input.onBehalfOf, input.anonymous);
  } else {
    unverified = await raisesUnverified(by, ancestry, staffHere);
    const wait = await beginRaise(by.userId, input.client ?? 'unknown', unverified);
    if (wait) refuse('issue.raiseWait', { minutes: Math.max(1, Math.ceil(wait / 60)) });
  }
  const label = input.onBehalfOf
    ? `${by.label}（代${input.anonymous ? ANONYMOUS_LABEL : input.onBehalfOf.name}登记）`
    : input.anonymous
      ? ANONYMOUS_LABEL
      : by.label;
  const made = quick ? await storeQuickly(by, input, ancestry, unverified) : null;
  if (made) return made;
  return storeIssue(input, ancestry, {
    reporter,
    unverified,
    channel: input.onBehalfOf ? 'STAFF_ENTRY' : 'APP',
    enteredById: input.onBehalfOf ? by.userId : null,
    apiKeyId: null,
    // The audit names no author of an anonymous issue; staff entering one are named (they did it), the resident is not.
    eventActor: { id: input.anonymous && !input.onBehalfOf ? null : input.onBehalfOf ? by.userId : reporter.authorUserId, label },
    auditActor: input.anonymous && !input.onBehalfOf ? { id: null, label: ANONYMOUS_LABEL } : { id: by.userId, label: by.label },
  });
}

/**
 * A resident's own report in one statement (issue 16): its first responder (the same order as findHandler, grids included), the
 * issue, its follower, the first timeline event, the responder's notification (marked for e-mail when they gave an
 * address) and the audit row — or nothing, when the form's key was used already (null: storeIssue then answers).
 * The district's categories and calendar come from the instance's short-lived copy.
 */
async function storeQuickly(by: TBy, input: TRaiseIssue, ancestry: TAncestry, unverified: boolean) {
  const place = {
    buildingId: input.buildingId ?? null,
    compoundId: input.compoundId,
    communityId: ancestry.community!,
    streetId: ancestry.street!,
    districtId: ancestry.district!,
  };
  const { categories, calendar } = await districtSettings(place.districtId);
  const category = categories.find((c) => c.id === input.categoryId) ?? refuse('issue.categoryUnknown');
  const d = deadlinesFrom(toChinaLocal(new Date()), policyOf(category), calendar);
  const day = todayDateOnly();
  const preferred: Role = category.handlerRole;
  const actor = input.anonymous ? { id: null, label: ANONYMOUS_LABEL } : { id: by.userId, label: by.label };
  const after = JSON.stringify({
    categoryId: category.id,
    compoundId: input.compoundId,
    anonymous: input.anonymous,
    channel: 'APP',
    unverified,
  });
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    WITH g AS (
      SELECT id, "userId", role::text AS role, "placeLevel"::text AS level, "placeId" FROM "RoleGrant"
       WHERE "revokedAt" IS NULL AND "startsOn" <= ${day}::date AND ("endsOn" IS NULL OR "endsOn" >= ${day}::date)
         AND (("placeLevel" = 'BUILDING' AND "placeId" = ${place.buildingId}) OR ("placeLevel" = 'COMPOUND' AND "placeId" = ${place.compoundId})
           OR ("placeLevel" = 'COMMUNITY' AND "placeId" = ${place.communityId}))
    ), gr AS (
      SELECT x.id, 0 AS depth FROM "Building" b JOIN "Grid" x ON x.id = b."gridId" WHERE b.id = ${place.buildingId}
      UNION ALL SELECT x."parentId", 1 FROM "Building" b JOIN "Grid" x ON x.id = b."gridId" WHERE b.id = ${place.buildingId} AND x."parentId" IS NOT NULL
    ), h AS (
      SELECT "userId" FROM (
        SELECT 1 AS p, 0 AS k, id, "userId" FROM g WHERE ${preferred} = 'BUILDING_HEAD' AND role = 'BUILDING_HEAD' AND level = 'BUILDING'
        UNION ALL SELECT 2, 0, id, "userId" FROM g WHERE ${preferred} = 'BRANCH_SECRETARY' AND role = 'BRANCH_SECRETARY' AND level = 'COMPOUND'
        UNION ALL SELECT 3, gr.depth, ch.id, u.id FROM gr JOIN "CentralHousehold" ch ON ch."gridId" = gr.id
            JOIN "PartyMember" pm ON pm.id = ch."partyMemberId" JOIN "User" u ON u."personId" = pm."personId"
          WHERE ${preferred} = 'CENTRAL_HOUSEHOLD' AND ch."startsOn" <= ${day}::date AND (ch."endsOn" IS NULL OR ch."endsOn" >= ${day}::date)
            AND u."verifiedAt" IS NOT NULL AND u."disabledAt" IS NULL
        UNION ALL SELECT 4, gr.depth, d.id, d."userId" FROM gr JOIN "GridDuty" d ON d."gridId" = gr.id
          WHERE d."startsOn" <= ${day}::date AND (d."endsOn" IS NULL OR d."endsOn" >= ${day}::date)
            AND EXISTS (SELECT 1 FROM g WHERE g."userId" = d."userId" AND g.role = 'GRID_WORKER' AND g.level = 'COMMUNITY')
        UNION ALL SELECT 5, 0, id, "userId" FROM g WHERE role = 'GRID_WORKER' AND level = 'COMMUNITY'
        UNION ALL SELECT 6, 0, id, "userId" FROM g WHERE role = 'BUILDING_HEAD' AND level = 'BUILDING'
        UNION ALL SELECT 7, 0, id, "userId" FROM g WHERE role IN ('BRANCH_SECRETARY', 'PROPERTY_FIRM_STAFF') AND level = 'COMPOUND'
        UNION ALL SELECT 8, 0, id, "userId" FROM g WHERE role IN ('RESIDENTS_COMMITTEE_STAFF', 'COMMUNITY_SECRETARY') AND level = 'COMMUNITY'
      ) c ORDER BY p, k, id LIMIT 1
    ), i AS (
      INSERT INTO "Issue" (title, description, "categoryId", "buildingId", "compoundId", "communityId", "streetId", "districtId", "authorUserId",
        anonymous, unverified, "assigneeUserId", channel, "acknowledgeBy", "resolveBy", "idempotencyKey", "updatedAt")
      VALUES (${input.title}, ${input.description}, ${category.id}, ${place.buildingId}, ${place.compoundId}, ${place.communityId}, ${place.streetId},
        ${place.districtId}, ${by.userId}, ${input.anonymous}, ${unverified}, (SELECT "userId" FROM h), 'APP', ${fromChinaLocal(d.acknowledgeBy)},
        ${fromChinaLocal(d.resolveBy)}, ${input.idempotencyKey}, now())
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING id, "assigneeUserId"
    ), f AS (
      INSERT INTO "IssueFollower" ("issueId", "userId") SELECT id, ${by.userId} FROM i
    ), e AS (
      INSERT INTO "IssueEvent" ("issueId", "actorUserId", "actorLabel", type, "toState", level)
      SELECT id, ${actor.id}::int, ${actor.label}, 'SUBMITTED', 'SUBMITTED', 'COMPOUND' FROM i
    ), n AS (
      INSERT INTO "Notification" ("userId", kind, "issueId", title, body)
      SELECT i."assigneeUserId", 'issue.assigned', i.id, ${input.title}, ${category.nameZh} FROM i WHERE i."assigneeUserId" IS NOT NULL
    ), a AS (
      INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after, "communityId", "compoundId")
      SELECT ${actor.id}::int, ${actor.label}, 'issue.raise', 'Issue', id::text, ${after}::jsonb, ${place.communityId}, ${place.compoundId} FROM i
    )
    SELECT id FROM i`;
  return rows[0] ? { id: rows[0].id } : null;
}

/**
 * Whether this resident raises here as an unverified account (true), as a resident of the community or staff
 * (false), or not at all (refused). A verified resident's home grant applies to its whole community.
 */
async function raisesUnverified(by: TBy, ancestry: TAncestry, staffHere: boolean): Promise<boolean> {
  if (
    staffHere ||
    (await livesWithin(by, { district: ancestry.district, street: ancestry.street, community: ancestry.community }, 'issue.raise'))
  )
    return false;
  if (can(by.actor, 'issue.raise', { ancestry }, by.today)) return true;
  // An unverified account (or one with no role at all) is told how to raise elsewhere; anyone else, where they may.
  const unverified = by.actor.grants.length === 0 || by.actor.grants.some((g) => g.role === 'UNVERIFIED_RESIDENT');
  return refuse(unverified ? 'issue.unverifiedOutside' : 'issue.placeOutside');
}

/** The place of a new issue with everything above it; a building must be in the compound. */
export async function placeOf(input: { compoundId: number; buildingId?: number }): Promise<TAncestry> {
  const ancestry = await keptAncestryOf(
    input.buildingId ? { level: 'building', id: input.buildingId } : { level: 'compound', id: input.compoundId },
  );
  if (!ancestry || ancestry.compound !== input.compoundId) return refuse('issue.placeOutside');
  return ancestry;
}

/**
 * A resident at the desk: one with an account becomes the author (and hears of every change); one
 * without is kept as a name and number for the handler to call back — unless they asked to stay
 * anonymous, when nothing about them is stored (decisions/016).
 */
async function reporterFor(who: { name: string; phone: string }, anonymous: boolean): Promise<TReporter> {
  const account = await getDb().user.findUnique({ where: { phone: who.phone }, select: { id: true, disabledAt: true } });
  if (account && !account.disabledAt) return { authorUserId: account.id, reporterName: null, reporterPhone: null };
  return anonymous
    ? { authorUserId: null, reporterName: null, reporterPhone: null }
    : { authorUserId: null, reporterName: who.name, reporterPhone: who.phone };
}

export type TStoreOptions = {
  reporter: TReporter;
  /** Raised by an unverified account: marked, and out of the rates until acknowledged (decision 030). */
  unverified?: boolean;
  channel: 'APP' | 'STAFF_ENTRY' | 'OPEN311' | 'CONTACT';
  enteredById: number | null;
  /** Recorded by a contact-chain keeper: the household it is for, and the keeper follows it too (decision 051). */
  contact?: { householdId: number; keeperUserId: number };
  /** A transaction to store it in (a seed stage's; placing an Open311 request, intake.ts); else its own. */
  tx?: TTx;
  /** Open311 media_url: the caller's link, stored as given (decision 060). */
  mediaUrl?: string | null;
  apiKeyId: number | null;
  eventActor: { id: number | null; label: string };
  auditActor: { id: number | null; label: string };
};

/**
 * Stores a new issue: category of its district, deadlines on its working calendar, photos, first
 * responder, timeline, notifications and audit — all or nothing.
 */
export async function storeIssue(input: Omit<TRaiseIssue, 'onBehalfOf' | 'client'>, ancestry: TAncestry, o: TStoreOptions) {
  const place = {
    buildingId: input.buildingId ?? null,
    compoundId: input.compoundId,
    communityId: ancestry.community!,
    streetId: ancestry.street!,
    districtId: ancestry.district!,
  };
  const category = (await categoryFor(place.districtId, input.categoryId, o.tx)) ?? refuse('issue.categoryUnknown');
  const d = deadlinesFrom(toChinaLocal(new Date()), policyOf(category), await calendarFor(place.districtId, o.tx));
  const { stored, discard } = await storePhotos('issues', input.photos);
  const same = (first: { authorUserId: number | null; enteredById: number | null; apiKeyId: number | null } | null) =>
    !!first &&
    (first.apiKeyId !== null
      ? first.apiKeyId === o.apiKeyId
      : first.enteredById !== null
        ? first.enteredById === o.enteredById
        : first.authorUserId === o.reporter.authorUserId);

  const inTx = <T>(body: (tx: TTx) => Promise<T>) => (o.tx ? body(o.tx) : getDb().$transaction(body));
  try {
    return await inTx(async (tx) => {
      const assignee = await findHandler(tx, place, 'COMPOUND', category.handlerRole);
      const issue = await tx.issue.create({
        data: {
          title: input.title,
          description: input.description,
          categoryId: category.id,
          ...place,
          ...o.reporter,
          anonymous: input.anonymous,
          unverified: o.unverified ?? false,
          assigneeUserId: assignee,
          channel: o.channel,
          enteredById: o.enteredById,
          householdId: o.contact?.householdId ?? null,
          apiKeyId: o.apiKeyId,
          mediaUrl: o.mediaUrl ?? null,
          acknowledgeBy: fromChinaLocal(d.acknowledgeBy),
          resolveBy: fromChinaLocal(d.resolveBy),
          idempotencyKey: input.idempotencyKey,
        },
      });
      const followers = new Set([o.reporter.authorUserId, o.contact?.keeperUserId].filter((u): u is number => typeof u === 'number'));
      if (followers.size) await tx.issueFollower.createMany({ data: [...followers].map((userId) => ({ issueId: issue.id, userId })) });
      if (stored.length) {
        await tx.issuePhoto.createMany({
          data: stored.map((p) => ({ issueId: issue.id, storageKey: p.key, width: p.width, height: p.height, bytes: p.jpeg.length })),
        });
      }
      await tx.issueEvent.create({
        data: {
          issueId: issue.id,
          actorUserId: o.eventActor.id,
          actorLabel: o.eventActor.label,
          type: 'SUBMITTED',
          toState: 'SUBMITTED',
          level: 'COMPOUND',
        },
      });
      await notify(tx, [assignee], { kind: 'issue.assigned', issueId: issue.id, title: input.title, body: category.nameZh });
      await writeAudit(tx, {
        actorId: o.auditActor.id,
        actorLabel: o.auditActor.label,
        action: 'issue.raise',
        entityType: 'Issue',
        entityId: issue.id,
        after: {
          categoryId: category.id,
          compoundId: input.compoundId,
          anonymous: input.anonymous,
          channel: o.channel,
          unverified: o.unverified ?? false,
        },
        communityId: place.communityId,
        compoundId: place.compoundId,
      });
      return { id: issue.id };
    });
  } catch (e) {
    // Nothing stored: the photos written for this attempt go too.
    await discard();
    // Two taps racing past the first check: the unique key lets only one through.
    if ((e as { code?: string }).code === 'P2002') {
      const first = await (o.tx ?? getDb()).issue.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
        select: { id: true, authorUserId: true, enteredById: true, apiKeyId: true },
      });
      if (same(first)) return { id: first!.id };
    }
    throw e;
  }
}
