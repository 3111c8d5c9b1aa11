/**
 * What every form that takes files accepts (issue 17, item 2; decision 037). One table, read by the browser (a file too
 * big is refused before anything is sent), by every declared command and use case (the same refusal, the same
 * message), and by next.config.ts (the largest body a server action may receive).
 */
export const MB = 1024 * 1024;

export type TUploadLimit = { maxBytes: number; maxFiles: number };

export const UPLOAD_LIMITS = {
  /** Issue photos and task progress photos: a phone camera's JPEG or HEIC, re-encoded to 1600 px on the server. */
  photo: { maxBytes: 10 * MB, maxFiles: 6 },
  /** A notice's attachments (PDF, images, Word, Excel). */
  attachment: { maxBytes: 10 * MB, maxFiles: 5 },
  /** An expense's receipt. */
  receipt: { maxBytes: 10 * MB, maxFiles: 1 },
  /** A compound's roster (.xlsx or .csv). */
  roster: { maxBytes: 5 * MB, maxFiles: 1 },
  /** A bulk import's sheet (.xlsx or .csv): party members, bodies, organisations, grids (issue 18). */
  table: { maxBytes: 5 * MB, maxFiles: 1 },
} as const satisfies Record<string, TUploadLimit>;

export type TUploadKind = keyof typeof UPLOAD_LIMITS;

/** Room for a form's text fields, the multipart boundaries and each part's headers. */
const FORM_OVERHEAD_BYTES = MB;

/** The largest request body a form may send: its most generous file field full, plus the rest of the form. */
export const MAX_FORM_BYTES =
  Math.max(...Object.values(UPLOAD_LIMITS).map((l: TUploadLimit) => l.maxBytes * l.maxFiles)) + FORM_OVERHEAD_BYTES;

export type TUploadRefusal =
  { code: 'upload.tooLarge'; values: { size: string; max: number } } | { code: 'upload.tooMany'; values: { max: number } };

/** Megabytes with one decimal, as people read them on their phone ("6.0"). */
export const megabytes = (bytes: number): string => (bytes / MB).toFixed(1);

/**
 * The first thing wrong with the files of one field, or null: too many, else the first one too big. Empty parts
 * (a file input left empty sends one) are not files.
 */
export function uploadRefusal(kind: TUploadKind, sizes: readonly number[]): TUploadRefusal | null {
  const limit: TUploadLimit = UPLOAD_LIMITS[kind];
  const files = sizes.filter((s) => s > 0);
  if (files.length > limit.maxFiles) return { code: 'upload.tooMany', values: { max: limit.maxFiles } };
  const big = files.find((s) => s > limit.maxBytes);
  return big === undefined ? null : { code: 'upload.tooLarge', values: { size: megabytes(big), max: limit.maxBytes / MB } };
}
