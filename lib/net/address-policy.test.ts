import { describe, expect, it } from 'vitest';
import { isForbiddenAddress, isIpLiteral } from './address-policy';

const forbidden = [
  // loopback, unspecified, 0/8
  '127.0.0.1', '127.255.255.254', '::1', '[::1]', '0.0.0.0', '0.1.2.3', '::',
  // private
  '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', 'fc00::1', 'fd12:3456::1',
  // link-local incl. cloud metadata
  '169.254.169.254', '169.254.0.1', 'fe80::1', 'fe80::1%eth0', 'febf::1',
  // CGNAT, multicast, broadcast, reserved, documentation, benchmarking
  '100.64.0.1', '100.127.255.255', '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1',
  '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1', '192.0.0.8', 'ff02::1', '2001:db8::1', '3fff::1',
  // IPv4-mapped / -compatible / SIIT
  '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '::127.0.0.1', '::ffff:0:127.0.0.1',
  // NAT64 wrapping a forbidden v4, and local-use NAT64
  '64:ff9b::127.0.0.1', '64:ff9b::a00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::8.8.8.8',
  // 6to4 / Teredo pointing inside
  '2002:7f00:1::1', '2002:a00:1::', '2002:c0a8:101::1',
  '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo client 127.0.0.1 (obfuscated)
  '2001:0:a00:1:8000:63bf:3fff:fdd2', // Teredo server 10.0.0.1
  // site-local, unallocated v6, garbage
  'fec0::1', '4000::1', '::2', 'localhost', 'example.com', '', '1.2.3', '0x7f.1', '127.1', '1.2.3.4.5',
];

const allowed = [
  '8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '169.255.0.1', '11.0.0.1',
  '2606:4700:4700::1111', '2a01:4f8::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1',
  '2001:0:4136:e378:8000:63bf:f7f7:f7f7', // Teredo, server 65.54.227.120, client 8.8.8.8
];

describe('isForbiddenAddress', () => {
  it.each(forbidden)('forbids %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each(allowed)('allows %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false);
  });
});

describe('isIpLiteral', () => {
  it('recognises literals and names', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('public.test')).toBe(false);
    expect(isIpLiteral('127.1')).toBe(false);
  });
});
