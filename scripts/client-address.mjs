/**
 * The client's address as this server can trust it. With no trusted proxies (the default) it is the socket's
 * peer; behind N trusted reverse proxies, each appending the address it saw to X-Forwarded-For, it is the
 * N-th entry from the right — entries further left were written by the client and prove nothing.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 */
export function clientAddress(socketAddress, forwardedFor, hops) {
  return limitKey(pick(socketAddress, forwardedFor, hops));
}

/**
 * One key per client for the limits: an IPv4 address as it is; an IPv6 address by its /64 prefix, since a
 * carrier gives each phone a whole /64 and one phone could otherwise rotate through 2^64 addresses.
 * @param {string} address
 */
export function limitKey(address) {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** @param {string | undefined} socketAddress @param {string | string[] | undefined} forwardedFor @param {number} hops */
function pick(socketAddress, forwardedFor, hops) {
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
