import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * Who is asking, as far as limits go: the client's IP address. Behind `trustedProxies` reverse
 * proxies, the address the outermost trusted proxy saw, read from the right of X-Forwarded-For
 * (entries further left are whatever the client wrote, so they are never trusted).
 */
export function clientOf(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return clientKey(peer);
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const hops = [...forwarded, peer];
  // With fewer entries than trusted proxies, the leftmost one was still written by a trusted proxy.
  const seen = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  return clientKey(isIP(seen) ? seen : peer);
}

/**
 * One key per client: IPv4-mapped IPv6 addresses are their IPv4 address, and an IPv6 address counts
 * by its /64 prefix, the block one subscriber gets, so rotating addresses inside it gains nothing.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
