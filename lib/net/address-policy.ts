/**
 * Which IP addresses a server-side fetch may connect to. Pure: no DNS, no I/O.
 *
 * Allow-list thinking: an IPv4 address must be plain global unicast, an IPv6 address must be in 2000::/3 (the only
 * block IANA hands out for global unicast) and in no special range. Formats that embed an IPv4 address (mapped,
 * compatible, NAT64, 6to4, Teredo) are judged by the address inside, because a router or the kernel may deliver
 * them to that IPv4 address. Anything unparseable is forbidden: fail closed.
 */
import ipaddr from 'ipaddr.js';

// ipaddr.js labels every IPv4 special range (loopback, private, linkLocal incl. 169.254.169.254, carrierGradeNat,
// multicast, broadcast, unspecified 0/8, reserved incl. the documentation and benchmarking nets, as112, amt);
// only 'unicast' is ordinary public space.
function isForbiddenV4(addr: ipaddr.IPv4): boolean {
  return addr.range() !== 'unicast';
}

function v4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes);
}

function isForbiddenV6(addr: ipaddr.IPv6): boolean {
  const bytes = addr.toByteArray();
  const parts = addr.parts;

  // ::/96 holds ::, ::1 and the deprecated IPv4-compatible form (::127.0.0.1), which some stacks still route.
  if (parts.slice(0, 6).every((p) => p === 0)) return true;

  switch (addr.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d is the same socket as a.b.c.d on a dual-stack host
    case 'rfc6145': // ::ffff:0:a.b.c.d (SIIT translated)
      return isForbiddenV4(v4FromBytes(bytes.slice(12, 16)));
    case 'rfc6052':
      // 64:ff9b::/96 is well-known NAT64: the gateway connects to the embedded IPv4 address.
      // 64:ff9b:1::/48 is for local-use translators, so it is internal by definition.
      if (parts[2] === 0 && parts[3] === 0 && parts[4] === 0 && parts[5] === 0) {
        return isForbiddenV4(v4FromBytes(bytes.slice(12, 16)));
      }
      return true;
    case '6to4': // 2002:AABB:CCDD::/48 tunnels to AA.BB.CC.DD
      return isForbiddenV4(v4FromBytes(bytes.slice(2, 6)));
    case 'teredo': {
      // 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC, server in clear, client XOR-obfuscated: both must be public.
      const server = v4FromBytes(bytes.slice(4, 8));
      const client = v4FromBytes(bytes.slice(12, 16).map((b) => b ^ 0xff));
      return isForbiddenV4(server) || isForbiddenV4(client);
    }
    case 'unicast':
      // Addresses outside 2000::/3 are unallocated; nothing legitimate on the internet lives there.
      return (parts[0] & 0xe000) !== 0x2000;
    default:
      // loopback, unspecified, linkLocal (fe80::/10), uniqueLocal (fc00::/7), multicast, deprecatedSiteLocal,
      // discard, benchmarking, documentation (2001:db8::/32, 3fff::/20), orchid, amt, as112, segmentRouting...
      return true;
  }
}

/** Strips the brackets of a URL host and the zone of a scoped address ("fe80::1%eth0"). */
function normalize(ip: string): string {
  let s = ip.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  return zone === -1 ? s : s.slice(0, zone);
}

/** True if a fetch must not connect to `ip`. Non-IP strings are forbidden too (fail closed). */
export function isForbiddenAddress(ip: string): boolean {
  const s = normalize(ip);
  // Only canonical dotted quads: ipaddr.js also accepts "0x7f.1" or "127.1", which the caller never should pass.
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return isForbiddenV4(ipaddr.IPv4.parse(s));
  if (ipaddr.IPv6.isValid(s)) return isForbiddenV6(ipaddr.IPv6.parse(s));
  return true;
}

/** True if `host` (a URL hostname, possibly bracketed) is an IP literal rather than a name to resolve. */
export function isIpLiteral(host: string): boolean {
  const s = normalize(host);
  return ipaddr.IPv4.isValidFourPartDecimal(s) || ipaddr.IPv6.isValid(s);
}
