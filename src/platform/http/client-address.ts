// The client's address for sign-in limits: the TCP peer, unless the peer is a configured trusted proxy, in which
// case the right-most X-Forwarded-For entry that is not itself a trusted proxy (ADR 0016). A client can prepend
// anything to X-Forwarded-For; only what trusted proxies appended is believed.
import { BlockList, isIP } from 'node:net';

/** Plain IPv4 for an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`), else the address as given, trimmed. */
function plain(address: string): string {
  const a = address.trim();
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return m ? m[1]! : a;
}

/** Parses a list of addresses and CIDR ranges; throws on an entry that is neither. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addr, bits, extra] = entry.split('/');
    const type = isIP(plain(addr ?? ''));
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = type === 4 ? 32 : 128;
    if (type === 0 || extra !== undefined || (prefix !== undefined && (!/^\d+$/.test(bits!) || prefix > max)))
      throw new Error(`Not an IP address or CIDR range: "${entry}".`);
    const family = type === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(plain(addr!), family);
    else list.addSubnet(plain(addr!), prefix, family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const a = plain(address);
  const type = isIP(a);
  if (type === 0) return false;
  return list.check(a, type === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client address: `peer` when it is not a trusted proxy or no X-Forwarded-For came; otherwise the right-most
 * entry of X-Forwarded-For that is not a trusted proxy (the left-most when all are trusted). A malformed entry
 * ends the walk: it is taken as the client (it cannot be a proxy we trust).
 */
export function clientAddress(trusted: BlockList, peer: string | undefined, forwardedFor: string | undefined): string {
  const direct = peer ? plain(peer) : 'unknown';
  if (!peer || !forwardedFor || !isTrusted(trusted, peer)) return direct;
  const hops = forwardedFor
    .split(',')
    .map((h) => plain(h))
    .filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isTrusted(trusted, hop)) return hop.slice(0, 64);
  }
  return hops[0] ?? direct;
}
