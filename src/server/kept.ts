import 'server-only';

/**
 * What an app instance keeps between requests (issue 16): facts that change rarely — a place's ancestry, a
 * district's categories and working calendar — kept for a short time, dropped at once on this instance when it
 * changes them, and at most `ttlMs` stale on the others (decision 035). One store per name, shared by every
 * bundle of the app that imports this module.
 */
type TEntry<V> = { at: number; value: Promise<V> };
const stores = ((globalThis as unknown as { yishiKept?: Map<string, Map<unknown, TEntry<unknown>>> }).yishiKept ??= new Map());

export function kept<K, V>(name: string, ttlMs: number, max = 50_000) {
  const store = (stores.get(name) ?? stores.set(name, new Map()).get(name)!) as Map<K, TEntry<V>>;
  return {
    get(key: K, load: () => Promise<V>): Promise<V> {
      const hit = store.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      if (store.size >= max) store.clear();
      // A failed load is not kept: the next request tries again.
      const value = load().catch((e) => {
        store.delete(key);
        throw e;
      });
      store.set(key, { at: Date.now(), value });
      return value;
    },
    drop(key?: K) {
      if (key === undefined) store.clear();
      else store.delete(key);
    },
  };
}
