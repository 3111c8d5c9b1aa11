import 'server-only';
import type { TAuditAction, TAuditEntity } from '@/domain/audit/actions';
import { mapColumns, recordsOf, type TColumns, type TRecord, type TRowError } from '@/domain/imports/table';
import type { TImportKind } from '@/domain/imports/kinds';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { readTable } from './read-table';

/** The place an import acts on, once authorized: its ancestry and the community/compound its audit row names. */
export type TImportPlace = { id: number; ancestry: TAncestry; communityId: number | null; compoundId: number | null };

/** What every import counts: names of a kind's messages (imports.<kind>.changes.*) with how many. */
export type TChanges = Record<string, number>;

/**
 * One bulk import (issue 18, item 6; docs/imports.md). The kit reads the file, finds the columns, checks and applies the
 * rows in one transaction; a preview does the same in a transaction it always rolls back, so that it counts exactly
 * what the import would change. `apply` must be idempotent: the same file imported again changes nothing (and counts 0).
 */
export type TTableImport<C extends TColumns, Row> = {
  kind: TImportKind;
  columns: C;
  /** The place, authorized for `by` with the kind's permission (refuse('auth.forbidden') otherwise). */
  // Method signatures (not arrow properties): a registry of imports of different rows holds them all (src/server/imports/registry.ts).
  place(by: TBy, placeId: number): Promise<TImportPlace>;
  /** Checks every record, reading what it must look up through tx: the rows to apply, and every error by row. */
  check(tx: TTx, by: TBy, place: TImportPlace, records: TRecord<keyof C & string>[]): Promise<{ rows: Row[]; errors: TRowError[] }>;
  /** Applies checked rows; returns what changed, by kind of change. */
  apply(tx: TTx, by: TBy, place: TImportPlace, rows: Row[]): Promise<TChanges>;
  audit: { action: TAuditAction; entityType: TAuditEntity };
};

export type TFile = { name: string; bytes: Buffer };
export type TPreview = { rows: number; errors: TRowError[]; missing: string[]; changes: TChanges | null };

class Rollback extends Error {}
const TX = { timeout: 120_000, maxWait: 30_000 };

async function read<C extends TColumns>(spec: TTableImport<C, unknown>, file: TFile) {
  const { header, data } = await readTable(file.name, file.bytes, 'table');
  const { map, missing } = mapColumns(header, spec.columns);
  return { missing, records: recordsOf(data, map, spec.columns) };
}

/** Imports of one kind at one place wait for each other: two at once apply one after the other, never interleaved. */
async function lock(tx: TTx, kind: TImportKind, placeId: number) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${kind}`}), ${placeId}::int)`;
}

/** Checks every row and counts what an import would change, changing nothing. */
export async function previewTable<C extends TColumns, Row>(
  spec: TTableImport<C, Row>,
  by: TBy,
  placeId: number,
  file: TFile,
): Promise<TPreview> {
  const place = await spec.place(by, placeId);
  const { missing, records } = await read(spec, file);
  if (missing.length) return { rows: records.length, errors: [], missing, changes: null };
  let out: TPreview = { rows: records.length, errors: [], missing, changes: null };
  await getDb()
    .$transaction(async (tx) => {
      await lock(tx, spec.kind, place.id);
      const { rows, errors } = await spec.check(tx, by, place, records);
      out = { rows: records.length, errors, missing, changes: errors.length ? null : await spec.apply(tx, by, place, rows) };
      throw new Rollback();
    }, TX)
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out;
}

/** Imports the file in one transaction with its audit row; a missing column or any row in error changes nothing. */
export async function importTable<C extends TColumns, Row>(spec: TTableImport<C, Row>, by: TBy, placeId: number, file: TFile) {
  const place = await spec.place(by, placeId);
  return getDb()
    .$transaction((tx) => importTableIn(tx, spec, by, place, file), TX)
    .catch((e: unknown) => (isUniqueViolation(e) ? refuse('import.conflict') : Promise.reject(e)));
}

/**
 * Imports at different places wait only for their own place (lock above); two that create the same person (a phone is
 * unique) at once collide in the database: the later one is rolled back whole and asked to run again, when it finds the
 * person the other created.
 */
export const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'P2002';

/**
 * importTable inside a transaction of the caller's, for a place already authorized (the demo seed builds a place and
 * imports into it in one stage transaction, where the place is not visible to other connections yet).
 */
export async function importTableIn<C extends TColumns, Row>(
  tx: TTx,
  spec: TTableImport<C, Row>,
  by: TBy,
  place: TImportPlace,
  file: TFile,
) {
  const { missing, records } = await read(spec, file);
  if (missing.length) refuse('import.columnsMissing', { columns: missing.map((k) => spec.columns[k]!.names[0]).join('、') });
  if (records.length === 0) refuse('import.noRows');
  await lock(tx, spec.kind, place.id);
  const { rows, errors } = await spec.check(tx, by, place, records);
  if (errors.length) refuse('import.hasErrors', { count: errors.length });
  const changes = await spec.apply(tx, by, place, rows);
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: spec.audit.action,
    entityType: spec.audit.entityType,
    entityId: place.id,
    after: { file: file.name, rows: rows.length, ...changes },
    communityId: place.communityId,
    compoundId: place.compoundId,
  });
  return changes;
}
