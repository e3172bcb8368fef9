/**
 * The DNS lookup openid-client's requests (discovery, token, keys, userinfo) run with: the same address rule as
 * lib/net (no loopback, private, link-local or metadata ranges), except the host of an issuer an owner marked as a
 * local test issuer. next-auth's OIDC client does its own HTTP, so safeFetch cannot be used there; checking the
 * resolved addresses inside the lookup also defeats DNS rebinding, since the socket connects to what we checked.
 * IP literals never reach a lookup: the issuer rule (sso-input.ts) keeps plain addresses to https or loopback.
 */
import dns, { type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isForbiddenAddress } from '@/lib/net/address-policy';

export function ssoLookup(exemptHost: string | null): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses) => {
      const list = (addresses ?? []) as LookupAddress[];
      if (err || list.length === 0) return callback(err ?? Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      if (hostname !== exemptHost && list.some((a) => isForbiddenAddress(a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to a forbidden address`), { code: 'ENOTFOUND' }), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
