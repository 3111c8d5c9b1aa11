import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly } from '@/server/today';
import { requireCase } from './access';

export type TSide = 'APPLICANT' | 'RESPONDENT';
/** A resident found in the roster (household → person), or an outside party by name and phone. */
export type TPartyInput =
  { side: TSide; personId: number; householdId: number } | { side: TSide; name: string; phone: string; address?: string };

/** The people of a household: its owners and the residents living there today. */
export async function householdPeople(householdId: number, day: string, db: Pick<TTx, 'ownership' | 'residency'> = getDb()) {
  const d = dateOnly(day);
  const [owners, residents] = await Promise.all([
    db.ownership.findMany({ where: { householdId }, select: { person: { select: { id: true, name: true } } } }),
    db.residency.findMany({
      where: { householdId, OR: [{ until: null }, { until: { gte: d } }] },
      select: { person: { select: { id: true, name: true } } },
    }),
  ]);
  const byId = new Map([...owners, ...residents].map((r) => [r.person.id, r.person]));
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** Whether the household lies in the case's community (and its compound, when the case has one). */
async function householdOfCase(tx: TTx, householdId: number, c: { communityId: number; compoundId: number | null }) {
  const h = await tx.household.findUnique({
    where: { id: householdId },
    select: { id: true, building: { select: { compoundId: true, compound: { select: { communityId: true } } } } },
  });
  return !!h && h.building.compound.communityId === c.communityId;
}

/** Writes a party row (the caller checked the case); the audit row names ids and the side only. */
async function writeParty(
  tx: TTx,
  by: TBy,
  c: { id: number; communityId: number; compoundId: number | null },
  data: { side: TSide; personId: number | null; householdId: number | null; name: string; phone: string | null; address: string | null },
) {
  if (data.personId && (await tx.caseMediator.count({ where: { caseId: c.id, personId: data.personId } })))
    refuse('mediation.partyIsMediator');
  if (data.personId && (await tx.mediationParty.count({ where: { caseId: c.id, personId: data.personId } })))
    refuse('mediation.partyTwice');
  const p = await tx.mediationParty.create({ data: { caseId: c.id, ...data }, select: { id: true } });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'mediation.addParty',
    entityType: 'MediationCase',
    entityId: c.id,
    after: { partyId: p.id, side: data.side, personId: data.personId },
    communityId: c.communityId,
    compoundId: c.compoundId,
  });
  return p;
}

/**
 * Names a party of an open case (the case's managers and mediators): a resident of the case's community, chosen from a
 * household of the roster (one of its owners or residents), or an outside party by name and phone.
 */
export async function addParty(by: TBy, caseId: number, input: TPartyInput) {
  if (input.side !== 'APPLICANT' && input.side !== 'RESPONDENT') refuse('mediation.badInput');
  return getDb().$transaction(async (tx) => {
    const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { db: tx });
    if (c.status !== 'OPEN') refuse('mediation.wrongState');
    if ('personId' in input) {
      if (!(await householdOfCase(tx, input.householdId, c))) refuse('mediation.partyOutside');
      const person = (await householdPeople(input.householdId, by.today, tx)).find((p) => p.id === input.personId);
      if (!person) return refuse('mediation.partyOutside');
      const phone = (await tx.person.findUnique({ where: { id: person.id }, select: { phone: true } }))?.phone ?? null;
      return writeParty(tx, by, c, {
        side: input.side,
        personId: person.id,
        householdId: input.householdId,
        name: person.name,
        phone,
        address: null,
      });
    }
    const name = input.name.trim();
    if (!name || name.length > 30 || !/^1\d{10}$/.test(input.phone)) refuse('mediation.badInput');
    const address = input.address?.trim() || null;
    return writeParty(tx, by, c, { side: input.side, personId: null, householdId: null, name, phone: input.phone, address });
  });
}

/**
 * The issue's reporter as the case's applicant (a case received from an issue): the author's person and household (the
 * issue's, else their approved claim's), or a reporter without an account by the name and phone they gave.
 */
export async function reporterAsApplicant(
  tx: TTx,
  by: TBy,
  c: { id: number; communityId: number; compoundId: number | null },
  issueId: number,
) {
  const i = await tx.issue.findUniqueOrThrow({
    where: { id: issueId },
    select: { authorUserId: true, householdId: true, reporterName: true, reporterPhone: true },
  });
  const author = i.authorUserId
    ? await tx.user.findUnique({
        where: { id: i.authorUserId },
        select: {
          person: { select: { id: true, name: true, phone: true } },
          claims: { where: { status: 'APPROVED' }, select: { householdId: true }, take: 1 },
        },
      })
    : null;
  if (author?.person) {
    const householdId = i.householdId ?? author.claims[0]?.householdId ?? null;
    const p = author.person;
    return writeParty(tx, by, c, { side: 'APPLICANT', personId: p.id, householdId, name: p.name, phone: p.phone, address: null });
  }
  if (i.reporterName && i.reporterPhone)
    return writeParty(tx, by, c, {
      side: 'APPLICANT',
      personId: null,
      householdId: null,
      name: i.reporterName,
      phone: i.reporterPhone,
      address: null,
    });
  return null;
}
