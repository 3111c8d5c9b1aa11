import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import type { TChainCheck } from '@/domain/notices/board';
import type { TBy } from '@/server/accounts/by';
import { recheckWait } from '@/server/auth/rate-limit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { CHAIN_CHECK_KEY, saveChainCheck } from './chain-flag';
import { verifyChain } from './publish';

export type TStoredCheck = TChainCheck & { checkedAt: Date };

/**
 * What /board/verify shows (decision 031): the stored finding, never a full re-hash per visit. Only an
 * installation that never checked its chain computes it here, once.
 */
export async function storedChainCheck(): Promise<TStoredCheck> {
  const flag = await getDb().systemFlag.findUnique({ where: { key: CHAIN_CHECK_KEY } });
  if (flag) return { ...(JSON.parse(flag.value) as TChainCheck), checkedAt: flag.setAt };
  return recordChainCheck();
}

/** Recomputes the whole chain and stores the finding: the hourly job, and staff on demand. */
export async function recordChainCheck(): Promise<TStoredCheck> {
  const r = await verifyChain();
  const at = new Date();
  await saveChainCheck(getDb(), r, at);
  return { ...r, checkedAt: at };
}

/** A full recompute on request: staff who publish notices, once a minute for the whole installation. */
export async function recheckChain(by: TBy): Promise<TStoredCheck> {
  if (scopesOf(by.actor, 'notice.publish', by.today).length === 0) refuse('auth.forbidden');
  const wait = await recheckWait('chain');
  if (wait) refuse('notice.checkWait', { seconds: wait });
  return recordChainCheck();
}
