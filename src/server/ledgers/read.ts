import 'server-only';
import { placedWhere } from '@/server/accounts/scope';
import { isActive, scopesOf } from '@/domain/authz/can';
import { ROLE_PERMISSIONS, type TPermission } from '@/domain/authz/permissions';
import { contributionsByHousehold, type TRecordedKind } from '@/domain/ledgers/arithmetic';
import type { Prisma } from '@/generated/prisma/client';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { keptAncestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';
import { readLedger } from './access';

/** The ledgers of one's places: as staff, those of the places one reads; as a resident, one's compound's and community's. */
export async function myLedgers(by: TBy) {
  const homes = by.actor.grants
    .filter(
      (g) =>
        g.place.level === 'building' &&
        isActive(g, by.today) &&
        (ROLE_PERMISSIONS[g.role] as readonly TPermission[]).includes('ledger.read'),
    )
    .map((g) => g.place.id);
  const places = (await Promise.all(homes.map((id) => keptAncestryOf({ level: 'building', id })))).filter((a) => !!a);
  const or: Prisma.LedgerWhereInput[] = [
    ...scopesOf(by.actor, 'ledger.read', by.today).map(placedWhere),
    ...places.map((a) => ({ OR: [{ compoundId: a.compound }, { communityId: a.community, compoundId: null }] })),
  ];
  if (or.length === 0) return [];
  return getDb().ledger.findMany({
    where: { OR: or },
    orderBy: [{ communityId: 'asc' }, { compoundId: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      kind: true,
      name: true,
      balanceFen: true,
      advancesFen: true,
      closedAt: true,
      community: { select: { name: true } },
      compound: { select: { name: true } },
      building: { select: { name: true } },
    },
    take: 200,
  });
}

/** Where a household is, as the public reads contributions: building, stairwell and room — never a person's name. */
const roomOf = (h: { roomNo: string; unitNo: string; building: { name: string } }) =>
  `${h.building.name}${h.unitNo === '1' ? '' : ` ${h.unitNo}单元`} ${h.roomNo}`;

/**
 * One ledger as its readers see it (decision 071): totals, the latest entries with their receipts, the decision behind
 * each draw and, for a self-raised fund, the contribution of each household by building and room. No person's name is
 * in it (who recorded or reconciled an entry is in the audit log, for those who read it).
 */
export async function ledgerView(by: TBy, ledgerId: number, take = 100) {
  const l = await readLedger(by, ledgerId);
  const db = getDb();
  const rows = await db.ledgerEntry.findMany({
    where: { ledgerId },
    orderBy: { seq: 'desc' },
    take,
    select: {
      id: true,
      seq: true,
      kind: true,
      day: true,
      amountFen: true,
      description: true,
      counterparty: true,
      reconciledAt: true,
      reverses: { select: { seq: true } },
      reversedBy: { select: { seq: true } },
      motion: { select: { id: true, topic: { select: { title: true } } } },
      household: { select: { roomNo: true, unitNo: true, building: { select: { name: true } } } },
      receipts: { orderBy: { id: 'asc' }, select: { id: true, name: true, mime: true } },
    },
  });
  const statements = await db.ledgerStatement.findMany({
    where: { ledgerId },
    orderBy: { fromDay: 'desc' },
    select: { id: true, fromDay: true, toDay: true, closingFen: true, entryCount: true, sha256: true, noticeId: true },
  });
  let contributions: { room: string; fen: bigint }[] = [];
  if (l.kind === 'SELF_RAISED') {
    const all = await db.ledgerEntry.findMany({
      where: { ledgerId, householdId: { not: null } },
      select: { seq: true, kind: true, day: true, amountFen: true, householdId: true, reverses: { select: { kind: true } } },
    });
    const sums = contributionsByHousehold(
      all.map((e) => ({ ...e, day: fromDateOnly(e.day), reversesKind: (e.reverses?.kind as TRecordedKind | undefined) ?? null })),
    );
    const homes = await db.household.findMany({
      where: { id: { in: [...sums.keys()] } },
      select: { id: true, roomNo: true, unitNo: true, building: { select: { name: true } } },
      orderBy: [{ buildingId: 'asc' }, { unitNo: 'asc' }, { roomNo: 'asc' }],
    });
    contributions = homes.map((h) => ({ room: roomOf(h), fen: sums.get(h.id)! }));
  }
  const lastStated = statements[0] ? fromDateOnly(statements[0].toDay) : null;
  // The whole ledger, not the latest page of it: the first entry's day, and every entry still to reconcile.
  const first = await db.ledgerEntry.findFirst({ where: { ledgerId }, orderBy: { day: 'asc' }, select: { day: true } });
  const firstOpen = first ? fromDateOnly(first.day) : undefined;
  const unreconciled = l.kept
    ? await db.ledgerEntry.findMany({
        where: { ledgerId, reconciledAt: null },
        orderBy: { seq: 'asc' },
        take: 1000,
        select: { id: true, seq: true, day: true, amountFen: true, kind: true, description: true },
      })
    : [];
  return {
    ledger: {
      id: l.id,
      kind: l.kind,
      name: l.name,
      balanceFen: l.balanceFen,
      advancesFen: l.advancesFen,
      entryCount: l.entryCount,
      closed: !!l.closedAt,
    },
    kept: l.kept,
    entries: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      day: fromDateOnly(r.day),
      amountFen: r.amountFen,
      description: r.description,
      // Who advanced money is usually a person: named to the ledger's keepers only (payees of spending stay public).
      counterparty: l.kept || (r.kind !== 'ADVANCE' && r.kind !== 'ADVANCE_REPAID') ? r.counterparty : null,
      reconciled: !!r.reconciledAt,
      reverses: r.reverses?.seq ?? null,
      reversedBy: r.reversedBy?.seq ?? null,
      decision: r.motion && { motionId: r.motion.id, title: r.motion.topic.title },
      room: r.household ? roomOf(r.household) : null,
      receipts: r.receipts,
    })),
    statements: statements.map((s) => ({ ...s, fromDay: fromDateOnly(s.fromDay), toDay: fromDateOnly(s.toDay) })),
    /** For a keeper: every entry not yet reconciled (a statement waits on them), oldest first. */
    unreconciled: unreconciled.map((e) => ({ ...e, day: fromDateOnly(e.day) })),
    contributions,
    /** For the statement form: the day after the last statement (or the first open entry's day) up to today. */
    nextPeriod: { from: lastStated ? nextDay(lastStated) : (firstOpen ?? by.today), to: by.today },
    /** For a keeper of a maintenance fund: the owners' decisions a draw may name. */
    decisions: l.kept && l.kind === 'MAINTENANCE_FUND' ? await passedMotions(l.compoundId!) : [],
    /** For a keeper of a self-raised fund: the households that may contribute, by building and room. */
    households: l.kept && l.kind === 'SELF_RAISED' ? await householdsOf(l) : [],
  };
}

const nextDay = (day: string) => fromDateOnly(new Date(dateOnly(day).getTime() + 86_400_000));

async function passedMotions(compoundId: number) {
  const ms = await getDb().motion.findMany({
    where: { status: 'PASSED', topic: { compoundId }, rule: { path: ['kind'], equals: 'OWNERS_ASSEMBLY' } },
    orderBy: { decidedAt: 'desc' },
    select: { id: true, topic: { select: { title: true } } },
    take: 50,
  });
  return ms.map((m) => ({ motionId: m.id, title: m.topic.title }));
}

async function householdsOf(l: { communityId: number; compoundId: number | null }) {
  const hs = await getDb().household.findMany({
    where: { use: 'RESIDENTIAL', building: l.compoundId ? { compoundId: l.compoundId } : { compound: { communityId: l.communityId } } },
    orderBy: [{ buildingId: 'asc' }, { unitNo: 'asc' }, { roomNo: 'asc' }],
    select: { id: true, roomNo: true, unitNo: true, building: { select: { name: true } } },
    take: 2000,
  });
  return hs.map((h) => ({ householdId: h.id, room: roomOf(h) }));
}
