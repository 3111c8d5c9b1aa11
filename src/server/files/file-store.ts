import 'server-only';
import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live. The local-disk store keeps them under the data folder; several app
 * instances need shared storage instead (an object store implementing the same three calls).
 */
export type TFileStore = {
  put: (key: string, bytes: Buffer) => Promise<void>;
  get: (key: string) => Promise<Buffer | null>;
  remove: (key: string) => Promise<void>;
};

function localDisk(root: string): TFileStore {
  const at = (key: string) => {
    if (!/^[a-z0-9/_-]+\.[a-z0-9]+$/i.test(key) || key.includes('..')) throw new Error(`bad file key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      await mkdir(path.dirname(at(key)), { recursive: true });
      await writeFile(at(key), bytes);
    },
    async get(key) {
      return readFile(at(key)).catch(() => null);
    },
    async remove(key) {
      await rm(at(key), { force: true });
    },
  };
}

export function getFileStore(): TFileStore {
  return localDisk(path.join(process.env.YISHI_DATA_DIR ?? path.join(process.cwd(), '.data'), 'files'));
}
