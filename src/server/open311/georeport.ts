import 'server-only';
import zhIssues from '../../../messages/zh-CN/issues.json';
import enIssues from '../../../messages/en/issues.json';
import zhKeys from '../../../messages/zh-CN/apiKeys.json';
import enKeys from '../../../messages/en/apiKeys.json';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can } from '@/domain/authz/can';
import { agencyName, bestCompoundFor, nearestCompound } from '@/domain/open311/places';
import { normaliseCallerPhone } from '@/domain/shared/phone';
import { publicUrl } from '@/env';
import { today } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { districtCategories } from '@/server/issues/district-settings';
import { placeOf, storeIssue } from '@/server/issues/raise-issue';
import type { TApiClient } from './api-keys';
import { acceptUnplaced, reporterOf, titleOf } from './intake';

/**
 * Open311 GeoReport v2 (XML and JSON, decision 060): service list, post a request, get requests, get one request — so the
 * city's 12345 hotline and existing 311 clients can exchange issues. A jurisdiction is a district,
 * named by its division code (e.g. 510107). Nothing about who reported an issue ever leaves here:
 * GeoReport's request fields carry no reporter data, and anonymous issues have none to give.
 * Reads without a key show only what a notice board would (no description, no notes);
 * with the district's key they show everything else of that district (decisions/016).
 */

// The escalation pass records which deadline was missed as a code (issues.missed.*): a caller reads it in words.
const MISSED: Record<string, Record<string, string>> = { 'zh-CN': zhIssues.missed, en: enIssues.missed };
const noteOf = (e: { type: string; message: string | null } | undefined, locale: string) =>
  !e?.message ? null : e.type === 'ESCALATE' ? ((MISSED[locale] ?? MISSED['zh-CN']!)[e.message] ?? e.message) : e.message;

// Open to a caller: still being handled, by its handlers or in the topic that took it up (decision 047).
const OPEN = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED', 'IN_TOPIC', 'IN_MEDIATION'] as const;
/** The city-wide categories' date, the changeset until a district edits its own. */
const SERVICES_SINCE = new Date('2026-11-22T00:00:00Z');
const NOTICE: Record<string, typeof zhKeys> = { 'zh-CN': zhKeys, en: enKeys };

export async function jurisdiction(code: string | null | undefined, client: TApiClient | null) {
  const db = getDb();
  if (!code) {
    if (client) return db.district.findUniqueOrThrow({ where: { id: client.districtId }, select: { id: true, code: true, name: true } });
    return refuse('open311.jurisdictionRequired');
  }
  const d = await db.district.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
  if (!d) return refuse('open311.jurisdictionUnknown');
  return d;
}

export async function listServices(districtId: number, locale: string) {
  const rows = await districtCategories(districtId);
  return rows.map((c) => ({
    service_code: c.code,
    service_name: locale === 'en' ? c.nameEn : c.nameZh,
    description: locale === 'en' ? c.nameEn : c.nameZh,
    metadata: false,
    type: 'realtime',
    keywords: '',
    group: '',
  }));
}

export async function getService(districtId: number, code: string, locale: string) {
  return (await listServices(districtId, locale)).find((s) => s.service_code === code) ?? refuse('open311.serviceUnknown');
}

/** An empty form field is no field (forms send every input, filled or not). */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const ZDegrees = (limit: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'open311.location')
    .transform(Number)
    .refine((v) => Math.abs(v) <= limit, 'open311.location');
const isWebLink = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

export const ZPostRequest = z
  .object({
    jurisdiction_id: blank(z.string()),
    service_code: z.string().min(1, 'open311.serviceUnknown').max(40, 'open311.serviceUnknown'),
    description: z.string().trim().min(5, 'field.description').max(2000, 'field.description'),
    address_id: blank(z.string().regex(/^\d{1,9}$/, 'open311.addressUnknown')),
    address_string: blank(z.string().trim().max(200, 'open311.addressUnknown')),
    lat: blank(ZDegrees(90)),
    long: blank(ZDegrees(180)),
    first_name: blank(z.string().trim().max(30, 'field.name')),
    last_name: blank(z.string().trim().max(30, 'field.name')),
    /** A mobile or a landline (028-85551234): hotline callers often ring from home. */
    phone: blank(
      z
        .string()
        .trim()
        .transform((v, ctx) => normaliseCallerPhone(v) ?? (ctx.addIssue({ code: 'custom', message: 'field.phone' }), z.NEVER)),
    ),
    /** A link to the caller's photo, kept as given (http/https only) and never fetched: no outbound requests from the server. */
    media_url: blank(z.string().trim().max(500, 'open311.mediaUrl').refine(isWebLink, 'open311.mediaUrl')),
    /** Not standard GeoReport: lets a retrying client store one request. */
    idempotency_key: blank(z.string().regex(/^[0-9A-Za-z_-]{8,64}$/, 'issue.duplicateKey')),
  })
  .refine((r) => (r.lat === undefined) === (r.long === undefined), { message: 'open311.location' });
export type TPostRequest = z.infer<typeof ZPostRequest>;

/** How far a request's coordinates may be from a compound's and still be placed there (decision 060). */
const NEAR_METRES = 500;

/**
 * A client posts a service request (GeoReport v2 POST requests): placed at the compound of its district that
 * address_id names, or that address_string matches (its name or street address in the string, decision 060), or the
 * nearest to lat/long within 500 m. A request no compound can be found for is accepted with a token and waits in the
 * district's queue for staff to place it (intake.ts). A caller who left a number (a mobile or a landline) is the
 * reporter (linked to their account if they have one); one who left none stays anonymous.
 */
/** GeoReport's answer to a POST: the new request's id, or a token while it waits to be placed. */
type TPosted = { service_request_id?: string; token?: string; service_notice: string; account_id: null };

export async function postServiceRequest(client: TApiClient, input: TPostRequest, locale = 'zh-CN'): Promise<TPosted[]> {
  const d = await jurisdiction(input.jurisdiction_id, client);
  if (!can(client.actor, 'issue.report', { ancestry: { district: d.id } }, today())) refuse('auth.forbidden');
  const compoundId = await compoundFor(d.id, input);
  const category = (await districtCategories(d.id)).find((c) => c.code === input.service_code) ?? refuse('open311.serviceUnknown');
  const idempotencyKey = `o311-${client.keyId}-${input.idempotency_key ?? randomUUID()}`;
  const name = [input.last_name, input.first_name].filter(Boolean).join('') || null;
  const caller = { name: input.phone ? (name ?? '热线来电人') : null, phone: input.phone ?? null };
  if (compoundId === null) {
    const token = await acceptUnplaced(client, d.id, { ...input, categoryId: category.id, caller, idempotencyKey });
    return [{ token, service_notice: NOTICE[locale]?.unplacedNotice ?? zhKeys.unplacedNotice, account_id: null }];
  }
  const ancestry = await placeOf({ compoundId });
  if (!can(client.actor, 'issue.report', { ancestry }, today())) refuse('auth.forbidden');
  const label = `${client.name}（12345/Open311）`;
  const { id } = await storeIssue(
    {
      categoryId: category.id,
      title: titleOf(input.description),
      description: input.description,
      compoundId,
      anonymous: !input.phone,
      idempotencyKey,
    },
    ancestry,
    {
      reporter: await reporterOf(caller),
      channel: 'OPEN311',
      enteredById: null,
      apiKeyId: client.keyId,
      mediaUrl: input.media_url ?? null,
      eventActor: { id: null, label },
      auditActor: { id: null, label },
    },
  );
  return [{ service_request_id: String(id), service_notice: '', account_id: null }];
}

/** The compound a request names, or null when it cannot be told (then staff place it). A wrong address_id is refused. */
async function compoundFor(districtId: number, input: TPostRequest): Promise<number | null> {
  const db = getDb();
  if (input.address_id) {
    const c = await db.compound.findFirst({ where: { id: Number(input.address_id), districtId }, select: { id: true } });
    return c?.id ?? refuse('open311.addressUnknown');
  }
  if (!input.address_string && input.lat === undefined) return refuse('open311.addressRequired');
  const compounds = await db.compound.findMany({
    where: { districtId },
    select: { id: true, name: true, address: true, lat: true, long: true, community: { select: { name: true } } },
  });
  const named = input.address_string
    ? bestCompoundFor(
        input.address_string,
        compounds.map((c) => ({ ...c, community: c.community.name })),
      )
    : null;
  if (typeof named === 'number') return named;
  return input.lat !== undefined && input.long !== undefined
    ? nearestCompound({ lat: input.lat, long: input.long }, compounds, NEAR_METRES)
    : null;
}

export type TRequestQuery = {
  jurisdictionId?: string;
  ids?: number[];
  serviceCodes?: string[];
  statuses?: ('open' | 'closed')[];
  start?: Date;
  end?: Date;
};

/** The filters of GET requests; service_request_id, when given, is the only one (the spec: it overrides all others). */
function requestFilter(q: TRequestQuery) {
  if (q.ids) return { id: { in: q.ids } };
  const end = q.end ?? new Date();
  const start = q.start ?? new Date(end.getTime() - 90 * 86_400_000);
  const statuses = new Set(q.statuses ?? ['open', 'closed']);
  return {
    ...(q.serviceCodes ? { category: { code: { in: q.serviceCodes } } } : {}),
    ...(statuses.size === 2
      ? {}
      : statuses.has('open')
        ? { state: { in: [...OPEN] }, mergedIntoId: null }
        : { OR: [{ state: { notIn: [...OPEN] } }, { mergedIntoId: { not: null } }] }),
    createdAt: { gte: start, lte: end },
  };
}

/**
 * Requests of one district, newest first: by default those of the last 90 days, at most 1,000 (as
 * GeoReport v2 suggests). Merged duplicates read as closed, with a note pointing to the kept issue.
 * agency_responsible names the unit handling it at its level; lat/long are its compound's, when known.
 */
export async function getServiceRequests(q: TRequestQuery, client: TApiClient | null, locale: string) {
  const d = await jurisdiction(q.jurisdictionId, client);
  const full = !!client && client.districtId === d.id;
  const db = getDb();
  const rows = await db.issue.findMany({
    where: { districtId: d.id, ...requestFilter(q) },
    orderBy: { id: 'desc' },
    take: 1000,
    select: {
      id: true,
      title: true,
      description: true,
      state: true,
      level: true,
      mergedIntoId: true,
      compoundId: true,
      communityId: true,
      streetId: true,
      mediaUrl: true,
      createdAt: true,
      updatedAt: true,
      resolveBy: true,
      category: { select: { code: true, nameZh: true, nameEn: true } },
      events: { where: { message: { not: null } }, orderBy: { at: 'desc' }, take: 1, select: { type: true, message: true } },
    },
  });
  const ids = (key: 'compoundId' | 'communityId' | 'streetId') => [...new Set(rows.map((r) => r[key] ?? -1))];
  const [compounds, communities, streets] = await Promise.all([
    db.compound.findMany({ where: { id: { in: ids('compoundId') } }, select: { id: true, name: true, lat: true, long: true } }),
    db.community.findMany({ where: { id: { in: ids('communityId') } }, select: { id: true, name: true } }),
    db.street.findMany({ where: { id: { in: ids('streetId') } }, select: { id: true, name: true } }),
  ]);
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [compound, community, street] = [byId(compounds), byId(communities), byId(streets)];
  return rows.map((r) => {
    const open = OPEN.includes(r.state as (typeof OPEN)[number]) && r.mergedIntoId === null;
    const c = r.compoundId ? compound.get(r.compoundId) : undefined;
    const places = {
      compound: c?.name ?? null,
      community: community.get(r.communityId)?.name ?? '',
      street: street.get(r.streetId)?.name ?? '',
      district: d.name,
    };
    return {
      service_request_id: String(r.id),
      status: open ? 'open' : 'closed',
      status_notes: full ? (r.mergedIntoId ? `merged into ${r.mergedIntoId}` : noteOf(r.events[0], locale)) : null,
      service_name: locale === 'en' ? r.category.nameEn : r.category.nameZh,
      service_code: r.category.code,
      description: full ? `${r.title}\n${r.description}` : null,
      agency_responsible: agencyName(r.level, places),
      service_notice: null,
      requested_datetime: r.createdAt.toISOString(),
      updated_datetime: r.updatedAt.toISOString(),
      expected_datetime: open ? r.resolveBy.toISOString() : null,
      address: c ? `${places.community} ${c.name}` : null,
      address_id: r.compoundId ? String(r.compoundId) : null,
      zipcode: null,
      lat: c?.lat ?? null,
      long: c?.long ?? null,
      // The caller's photo link goes back to the district's own key only: a board's reader sees no more than the board shows.
      media_url: full ? r.mediaUrl : null,
    };
  });
}

/** GET tokens/{token}: the request's id once staff placed it (empty until then). */
export async function getToken(token: string, jurisdictionId: string | undefined, client: TApiClient | null) {
  // A token is 122 random bits: it names one request of one district, so the jurisdiction is checked only when given.
  const district = jurisdictionId || client ? { districtId: (await jurisdiction(jurisdictionId, client)).id } : {};
  const row = /^[0-9a-f-]{36}$/.test(token)
    ? await getDb().open311Intake.findFirst({ where: { token, ...district }, select: { issueId: true } })
    : null;
  if (!row) return refuse('open311.tokenUnknown');
  return [{ service_request_id: row.issueId ? String(row.issueId) : null, token }];
}

/** GeoReport's service discovery (wiki.open311.org/Service_Discovery): where v2 is, in which formats, and who gives keys. */
export async function discovery(locale: string) {
  // The service list changes when a district edits its categories (audited): the last such edit is the changeset.
  const latest = await getDb().auditLog.aggregate({ where: { entityType: 'IssueCategory' }, _max: { at: true } });
  const changeset = (latest._max.at ?? SERVICES_SINCE).toISOString();
  return {
    changeset,
    contact: (NOTICE[locale] ?? zhKeys).contact,
    key_service: publicUrl('/admin/api-keys'),
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: publicUrl('/api/open311/v2'),
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
