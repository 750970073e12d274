import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which peer addresses the http step may reach. Only globally routable unicast is allowed; loopback,
 * private, link-local (cloud metadata), unique-local, CGNAT, multicast, unspecified and reserved are not.
 * Addresses that embed an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64) are judged by that address.
 */
export function classifyAddress(address: string): { allowed: boolean; range: string } {
  const range = rangeOf(ipaddr.parse(stripBrackets(address)));
  return { allowed: range === 'unicast', range };
}

function rangeOf(parsed: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (parsed.kind() === 'ipv4') return parsed.range();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return rangeOf(v6.toIPv4Address());
  const [a, b, c, d, e, f, high, low] = v6.parts;
  const embeddedIPv4 = () => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  // IPv4-compatible (::a.b.c.d, deprecated): ipaddr calls these unicast, but they carry an IPv4 address.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0) {
    return high === 0 && low <= 1 ? v6.range() : rangeOf(embeddedIPv4());
  }
  // NAT64 (64:ff9b::/96): an IPv6-only network reaching an IPv4 host.
  if (v6.range() === 'rfc6052' && a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) {
    return rangeOf(embeddedIPv4());
  }
  return v6.range();
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function isIpLiteral(host: string): boolean {
  return isIP(stripBrackets(host)) !== 0;
}

/** Raised inside the connector when a host resolves to a refused address; the http step maps it to HTTP_ADDRESS_REFUSED. */
export class AddressRefusedError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} resolves to ${address} (${range}), which the http step may not reach`);
    this.name = 'AddressRefusedError';
  }
}

/** Throws AddressRefusedError when an IP literal host is not allowed; returns quietly for names. */
export function assertLiteralHostAllowed(host: string): void {
  if (!isIpLiteral(host)) return;
  const { allowed, range } = classifyAddress(host);
  if (!allowed) throw new AddressRefusedError(host, stripBrackets(host), range);
}

/**
 * A DNS lookup for sockets that refuses names resolving to a refused address. It runs when the socket
 * connects, on the very addresses it will connect to, so a name that changes its answer (DNS rebinding)
 * between a check and the connection cannot slip through.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  const lookupOptions: LookupOptions & { all: true } = { ...options, all: true };
  dnsLookup(hostname, lookupOptions, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses
      .map((entry) => ({ entry, ...classifyAddress(entry.address) }))
      .find((candidate) => !candidate.allowed);
    if (refused) return callback(new AddressRefusedError(hostname, refused.entry.address, refused.range) as NodeJS.ErrnoException, '', 0);
    if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) return (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
