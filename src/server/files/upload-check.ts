import 'server-only';
import { uploadRefusal, type TUploadKind } from '@/domain/files/upload-limits';
import { refuse } from '@/server/errors';

/** Refuses files over the form's limits (src/domain/files/upload-limits.ts) with the message the browser shows. */
export function checkUpload(kind: TUploadKind, sizes: readonly number[]): void {
  const r = uploadRefusal(kind, sizes);
  if (r) refuse(r.code, r.values);
}
