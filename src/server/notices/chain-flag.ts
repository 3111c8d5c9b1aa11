import 'server-only';
import type { TChainCheck } from '@/domain/notices/board';
import type { TTx } from '@/server/db';

/** The last verification of the board's hash chain, kept as a system flag: the finding, and when it was made (setAt). */
export const CHAIN_CHECK_KEY = 'chain.check';

export const saveChainCheck = (tx: Pick<TTx, 'systemFlag'>, r: TChainCheck, at = new Date()) =>
  tx.systemFlag.upsert({
    where: { key: CHAIN_CHECK_KEY },
    create: { key: CHAIN_CHECK_KEY, value: JSON.stringify(r), setAt: at },
    update: { value: JSON.stringify(r), setAt: at },
  });

/**
 * A new link was just hashed by its publisher (inside the chain's lock): an intact stored chain whose head is
 * this link's predecessor stays intact one link longer, without reading the rest. Anything else waits for a recompute.
 */
export async function extendChainCheck(tx: TTx, link: { prevHash: string; hash: string }) {
  const flag = await tx.systemFlag.findUnique({ where: { key: CHAIN_CHECK_KEY } });
  const r = flag ? (JSON.parse(flag.value) as TChainCheck) : null;
  if (r?.ok && r.head === link.prevHash) await saveChainCheck(tx, { ok: true, count: r.count + 1, head: link.hash });
}
