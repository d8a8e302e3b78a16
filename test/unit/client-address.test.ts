// The client address behind reverse proxies (ADR 0016): X-Forwarded-For is believed only from a trusted peer.
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxyList } from '../../src/platform/http/client-address.js';
import { loadConfig } from '../../src/platform/config/config.js';

describe('client address', () => {
  const trusted = trustedProxyList(['10.0.0.0/8', '192.168.1.1', 'fd00::/8']);

  it('is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress(trusted, '203.0.113.1', '10.0.0.5')).toBe('203.0.113.1');
    expect(clientAddress(trustedProxyList([]), '10.0.0.1', '198.51.100.1')).toBe('10.0.0.1');
  });

  it('through trusted proxies: the right-most entry that is not a trusted proxy', () => {
    expect(clientAddress(trusted, '10.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    expect(clientAddress(trusted, '10.0.0.1', 'forged, 198.51.100.2, 10.2.2.2, 192.168.1.1')).toBe('198.51.100.2');
    expect(clientAddress(trusted, '::ffff:10.0.0.1', ' 198.51.100.3 ')).toBe('198.51.100.3');
    expect(clientAddress(trusted, 'fd00::2', '2001:db8::1')).toBe('2001:db8::1');
    // Every hop trusted: the left-most. No header: the peer.
    expect(clientAddress(trusted, '10.0.0.1', '10.0.0.7, 10.0.0.8')).toBe('10.0.0.7');
    expect(clientAddress(trusted, '10.0.0.1', undefined)).toBe('10.0.0.1');
    expect(clientAddress(trusted, undefined, '198.51.100.1')).toBe('unknown');
  });

  it('refuses a trusted-proxy entry that is not an address or CIDR range', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.0/x'])
      expect(() => trustedProxyList([bad])).toThrow(/Not an IP address or CIDR range/);
  });

  it('reads ANTAEUS_TRUSTED_PROXIES as a comma-separated list (none by default)', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ ANTAEUS_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });
});
