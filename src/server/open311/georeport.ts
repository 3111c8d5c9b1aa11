import 'server-only';
import zhIssues from '../../../messages/zh-CN/issues.json';
import enIssues from '../../../messages/en/issues.json';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can } from '@/domain/authz/can';
import { normalisePhone } from '@/domain/shared/phone';
import { today } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { districtCategories } from '@/server/issues/district-settings';
import { placeOf, storeIssue } from '@/server/issues/raise-issue';
import type { TApiClient } from './api-keys';

/**
 * Open311 GeoReport v2 (JSON): service list, post a request, get requests, get one request — so the
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
const OPEN = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED', 'IN_TOPIC'] as const;
const LEVEL_AGENCY = { COMPOUND: '小区网格', COMMUNITY: '社区', STREET: '街道办事处', DISTRICT: '区' } as const;

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

export const ZPostRequest = z.object({
  jurisdiction_id: z.string().optional(),
  service_code: z.string().min(1, 'open311.serviceUnknown').max(40, 'open311.serviceUnknown'),
  description: z.string().trim().min(5, 'field.description').max(2000, 'field.description'),
  address_id: z
    .string()
    .regex(/^\d{1,9}$/, 'open311.addressUnknown')
    .optional(),
  address_string: z.string().trim().max(200, 'open311.addressUnknown').optional(),
  first_name: z.string().trim().max(30, 'field.name').optional(),
  last_name: z.string().trim().max(30, 'field.name').optional(),
  phone: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      return normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message: 'field.phone' }), z.NEVER);
    }),
  /** Not standard GeoReport: lets a retrying client store one request. */
  idempotency_key: z
    .string()
    .regex(/^[0-9A-Za-z_-]{8,64}$/, 'issue.duplicateKey')
    .optional(),
});

/**
 * A client posts a service request for a compound of its district (address_id = the compound's id, or
 * address_string = its exact name). A caller who left a number is the reporter (linked to their
 * account if they have one); one who left none stays anonymous.
 */
export async function postServiceRequest(client: TApiClient, input: z.infer<typeof ZPostRequest>) {
  const d = await jurisdiction(input.jurisdiction_id, client);
  const db = getDb();
  const compound = input.address_id
    ? await db.compound.findFirst({ where: { id: Number(input.address_id), districtId: d.id }, select: { id: true } })
    : input.address_string
      ? await uniqueCompoundNamed(d.id, input.address_string)
      : refuse('open311.addressRequired');
  if (!compound) return refuse('open311.addressUnknown');
  const ancestry = await placeOf({ compoundId: compound.id });
  if (!can(client.actor, 'issue.report', { ancestry }, today())) refuse('auth.forbidden');
  const category = (await districtCategories(d.id)).find((c) => c.code === input.service_code) ?? refuse('open311.serviceUnknown');
  const name = [input.last_name, input.first_name].filter(Boolean).join('') || null;
  const account = input.phone ? await db.user.findUnique({ where: { phone: input.phone }, select: { id: true, disabledAt: true } }) : null;
  const reporter =
    account && !account.disabledAt
      ? { authorUserId: account.id, reporterName: null, reporterPhone: null }
      : { authorUserId: null, reporterName: input.phone ? (name ?? '热线来电人') : null, reporterPhone: input.phone ?? null };
  const title = input.description.split(/\r?\n/)[0]!.slice(0, 30);
  const label = `${client.name}（12345/Open311）`;
  const { id } = await storeIssue(
    {
      categoryId: category.id,
      title: title.length >= 2 ? title : input.description.slice(0, 30),
      description: input.description,
      compoundId: compound.id,
      anonymous: !input.phone,
      idempotencyKey: `o311-${client.keyId}-${input.idempotency_key ?? randomUUID()}`,
    },
    ancestry,
    {
      reporter,
      channel: 'OPEN311',
      enteredById: null,
      apiKeyId: client.keyId,
      eventActor: { id: null, label },
      auditActor: { id: null, label },
    },
  );
  return [{ service_request_id: String(id), service_notice: '', account_id: null }];
}

async function uniqueCompoundNamed(districtId: number, name: string) {
  const found = await getDb().compound.findMany({ where: { districtId, name }, select: { id: true }, take: 2 });
  if (found.length > 1) refuse('open311.addressAmbiguous');
  return found[0] ?? null;
}

export type TRequestQuery = {
  jurisdictionId?: string;
  ids?: number[];
  serviceCode?: string;
  status?: 'open' | 'closed';
  start?: Date;
  end?: Date;
};

/**
 * Requests of one district, newest first: by default those of the last 90 days, at most 1,000 (as
 * GeoReport v2 suggests). Merged duplicates read as closed, with a note pointing to the kept issue.
 */
export async function getServiceRequests(q: TRequestQuery, client: TApiClient | null, locale: string) {
  const d = await jurisdiction(q.jurisdictionId, client);
  const full = !!client && client.districtId === d.id;
  const end = q.end ?? new Date();
  const start = q.start ?? (q.ids ? undefined : new Date(end.getTime() - 90 * 86_400_000));
  const rows = await getDb().issue.findMany({
    where: {
      districtId: d.id,
      ...(q.ids ? { id: { in: q.ids } } : {}),
      ...(q.serviceCode ? { category: { code: q.serviceCode } } : {}),
      ...(q.status === 'open'
        ? { state: { in: [...OPEN] }, mergedIntoId: null }
        : q.status === 'closed'
          ? { OR: [{ state: { notIn: [...OPEN] } }, { mergedIntoId: { not: null } }] }
          : {}),
      createdAt: { ...(start ? { gte: start } : {}), lte: end },
    },
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
      createdAt: true,
      updatedAt: true,
      resolveBy: true,
      category: { select: { code: true, nameZh: true, nameEn: true } },
      events: { where: { message: { not: null } }, orderBy: { at: 'desc' }, take: 1, select: { type: true, message: true } },
    },
  });
  const compounds = new Map(
    (
      await getDb().compound.findMany({
        where: { id: { in: rows.map((r) => r.compoundId ?? -1) } },
        select: { id: true, name: true, community: { select: { name: true } } },
      })
    ).map((c) => [c.id, c]),
  );
  return rows.map((r) => {
    const open = OPEN.includes(r.state as (typeof OPEN)[number]) && r.mergedIntoId === null;
    const c = r.compoundId ? compounds.get(r.compoundId) : undefined;
    return {
      service_request_id: String(r.id),
      status: open ? 'open' : 'closed',
      status_notes: full ? (r.mergedIntoId ? `merged into ${r.mergedIntoId}` : noteOf(r.events[0], locale)) : null,
      service_name: locale === 'en' ? r.category.nameEn : r.category.nameZh,
      service_code: r.category.code,
      description: full ? `${r.title}\n${r.description}` : null,
      agency_responsible: `${c?.community.name ?? ''}${LEVEL_AGENCY[r.level]}`,
      service_notice: null,
      requested_datetime: r.createdAt.toISOString(),
      updated_datetime: r.updatedAt.toISOString(),
      expected_datetime: open ? r.resolveBy.toISOString() : null,
      address: c ? `${c.community.name} ${c.name}` : null,
      address_id: r.compoundId ? String(r.compoundId) : null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    };
  });
}
