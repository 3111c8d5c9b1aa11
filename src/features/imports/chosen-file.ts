import 'server-only';
import type { TCommandContext, TUpload } from '@/features/shared/command';
import { refuse } from '@/server/errors';

/**
 * The one file of an import form (the roster and every bulk import). None chosen and an empty file are told apart:
 * with no file chosen the browser still sends an empty part, named "" in a plain form post and "undefined" (or
 * "blob") after React's encoding of the form.
 */
export function chosenFile({ files, form }: TCommandContext, field = 'file'): TUpload {
  const chosen = form.get(field);
  const named = chosen instanceof File && !['', 'blob', 'undefined'].includes(chosen.name);
  return files[field]![0] ?? refuse(named ? 'import.fileEmpty' : 'import.fileMissing');
}
