/**
 * The client's address as this server can trust it. With no trusted proxies (the default) it is the socket's
 * peer; behind N trusted reverse proxies, each appending the address it saw to X-Forwarded-For, it is the
 * N-th entry from the right — entries further left were written by the client and prove nothing.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 */
export function clientAddress(socketAddress, forwardedFor, hops) {
  const peer = (socketAddress ?? 'unknown').replace(/^::ffff:/, '');
  if (!hops || hops < 1) return peer;
  const list = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // The proxy nearest to us is the socket peer; it appended what it saw as the last entry.
  const chain = [...list, peer];
  return (chain[chain.length - 1 - hops] ?? chain[0] ?? peer).replace(/^::ffff:/, '');
}
