/**
 * A software WebAuthn authenticator for tests: a real P-256 key pair from node:crypto and the exact bytes a browser
 * would hand @simplewebauthn/browser's callers ('none' attestation, ES256 assertions), so the server-side
 * verification runs unmodified. Only the CBOR this needs is encoded: unsigned/negative ints, byte and text
 * strings, maps.
 */
import crypto from 'node:crypto';

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor> | { [k: string]: Cbor };

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) { const b = Buffer.alloc(3); b[0] = (major << 5) | 25; b.writeUInt16BE(n, 1); return b; }
  const b = Buffer.alloc(5); b[0] = (major << 5) | 26; b.writeUInt32BE(n, 1); return b;
}

export function cbor(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === 'string') { const s = Buffer.from(v, 'utf8'); return Buffer.concat([head(3, s.length), s]); }
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), Buffer.from(v)]);
  const entries = v instanceof Map ? [...v.entries()] : Object.entries(v);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, val]) => [cbor(k), cbor(val)])]);
}

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => crypto.createHash('sha256').update(b).digest();
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export class TestAuthenticator {
  readonly credentialId = crypto.randomBytes(32);
  readonly id = b64url(this.credentialId);
  counter = 0;
  private readonly keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });

  constructor(readonly rp: { rpID: string; origin: string }) {}

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin = this.rp.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private authData(flags: number, counter: number, attested?: Buffer, rpID = this.rp.rpID): Buffer {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpID), Buffer.from([flags]), c, ...(attested ? [attested] : [])]);
  }

  private coseKey(): Buffer {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    const x = Buffer.from(String(jwk.x), 'base64url');
    const y = Buffer.from(String(jwk.y), 'base64url');
    return cbor(new Map<Cbor, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, x], [-3, y]]));
  }

  /** The RegistrationResponseJSON startRegistration would return for `challenge`. */
  register(challenge: string, opts: { origin?: string; rpID?: string } = {}) {
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLen, this.credentialId, this.coseKey()]);
    const authData = this.authData(FLAG_UP | FLAG_UV | FLAG_AT, this.counter, attested, opts.rpID);
    const attestationObject = cbor({ fmt: 'none', attStmt: {}, authData });
    return {
      id: this.id, rawId: this.id, type: 'public-key' as const, clientExtensionResults: {}, authenticatorAttachment: 'cross-platform' as const,
      response: { clientDataJSON: b64url(this.clientData('webauthn.create', challenge, opts.origin)), attestationObject: b64url(attestationObject), transports: ['usb'] },
    };
  }

  /** The AuthenticationResponseJSON startAuthentication would return; the counter steps up unless one is given. */
  assert(challenge: string, opts: { counter?: number; origin?: string; tamper?: boolean } = {}) {
    this.counter = opts.counter ?? this.counter + 1;
    const authData = this.authData(FLAG_UP | FLAG_UV, this.counter);
    const clientDataJSON = this.clientData('webauthn.get', challenge, opts.origin);
    const signature = crypto.sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.keys.privateKey);
    if (opts.tamper) signature[signature.length - 1] ^= 0x01;
    return {
      id: this.id, rawId: this.id, type: 'public-key' as const, clientExtensionResults: {},
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature) },
    };
  }
}
