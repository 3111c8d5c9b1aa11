import { describe, expect, test } from 'vitest';
import { clientAddress } from '../../scripts/client-address.mjs';

describe('the client address the server trusts', () => {
  test.each([
    ['no proxy: the socket, whatever the client wrote', '10.1.1.1', '1.2.3.4, 5.6.7.8', 0, '10.1.1.1'],
    ['no proxy, IPv4-mapped socket address', '::ffff:10.1.1.1', undefined, 0, '10.1.1.1'],
    ['one proxy: what it appended (the right-most entry)', '127.0.0.1', 'spoofed, 203.0.113.9', 1, '203.0.113.9'],
    ['one proxy, no header: the proxy itself', '127.0.0.1', undefined, 1, '127.0.0.1'],
    ['two proxies: the second from the right', '127.0.0.1', 'spoofed, 198.51.100.7, 10.0.0.2', 2, '198.51.100.7'],
    ['more hops configured than present: the left-most known', '127.0.0.1', '198.51.100.7', 3, '198.51.100.7'],
    ['IPv6: one phone’s whole /64 is one client', '2409:8a1e:6c2:1a30:59d2:1f3:c0a8:7', undefined, 0, '2409:8a1e:6c2:1a30::/64'],
    ['IPv6 with ::, behind a proxy', '::1', '240e:3b0:10::abcd', 1, '240e:3b0:10:0::/64'],
    ['IPv6 loopback', '::1', undefined, 0, '0:0:0:0::/64'],
  ])('%s', (_, socket, xff, hops, want) => {
    expect(clientAddress(socket, xff, hops)).toBe(want);
  });
});
