// RFC 9474 (RSABSSA-SHA384-PSS-Randomized) client side with Node's crypto and native BigInt, for tests and the
// benchmark that need thousands of tokens: the browser helper (src/web/modules/assembly/note-tokens.ts, used by
// the end-to-end tests) spends ~30 ms per token in pure-JS arithmetic; this takes well under 1 ms. Same steps:
// prepare (32 random bytes before the message, §4.1), EMSA-PSS encode with a 48-byte random salt, blind with a
// random r (z = m·r^e mod n), and after the blind signature unblind (s = z'·r⁻¹ mod n) and verify.
import { createHash, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { verifyToken } from '../../src/platform/crypto/blind-rsa.js';
import type { NoteToken } from '../../src/web/modules/assembly/note-tokens.js';

const H_LEN = 48;
const S_LEN = 48;
const sha384 = (...parts: Buffer[]) => createHash('sha384').update(Buffer.concat(parts)).digest();

const toBig = (b: Buffer) => BigInt(`0x${b.toString('hex') || '0'}`);
function toBytes(x: bigint, len: number): Buffer {
  return Buffer.from(x.toString(16).padStart(len * 2, '0'), 'hex');
}
function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
function modInv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return ((s0 % m) + m) % m;
}
function mgf1(seed: Buffer, len: number): Buffer {
  const out: Buffer[] = [];
  for (let c = 0; out.length * H_LEN < len; c++) {
    const ctr = Buffer.alloc(4);
    ctr.writeUInt32BE(c);
    out.push(sha384(seed, ctr));
  }
  return Buffer.concat(out).subarray(0, len);
}

export interface FastKey {
  key: KeyObject;
  n: bigint;
  e: bigint;
  modLen: number;
  modBits: number;
}

export function fastKey(publicKeySpki: string): FastKey {
  const key = createPublicKey({ key: Buffer.from(publicKeySpki, 'base64'), format: 'der', type: 'spki' });
  const jwk = key.export({ format: 'jwk' });
  const nb = Buffer.from(jwk.n!, 'base64url');
  const n = toBig(nb);
  return { key, n, e: toBig(Buffer.from(jwk.e!, 'base64url')), modLen: nb.length, modBits: n.toString(2).length };
}

function pssEncode(msg: Buffer, emBits: number): Buffer {
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(S_LEN);
  const h = sha384(Buffer.alloc(8), sha384(msg), salt);
  const db = Buffer.concat([Buffer.alloc(emLen - S_LEN - H_LEN - 2), Buffer.from([1]), salt]);
  const mask = mgf1(h, emLen - H_LEN - 1);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> (8 * emLen - emBits);
  return Buffer.concat([db, h, Buffer.from([0xbc])]);
}

export interface Blinded {
  blinded: string;
  finalize(signatureB64: string): NoteToken;
}

/** Prepares and blinds one random token message. */
export function blind(k: FastKey): Blinded {
  const prepared = Buffer.concat([randomBytes(32), randomBytes(32)]);
  const m = toBig(pssEncode(prepared, k.modBits - 1));
  let r: bigint;
  do r = toBig(randomBytes(k.modLen)) % k.n;
  while (r < 2n);
  const z = (m * modPow(r, k.e, k.n)) % k.n;
  const inv = modInv(r, k.n);
  return {
    blinded: toBytes(z, k.modLen).toString('base64'),
    finalize(signatureB64) {
      const s = toBytes((toBig(Buffer.from(signatureB64, 'base64')) * inv) % k.n, k.modLen);
      if (!verifyToken(k.key, prepared, s)) throw new Error('the blind signature does not verify');
      return { message: prepared.toString('base64'), signature: s.toString('base64') };
    },
  };
}

/** Obtains one token: `sign` sends the blinded value (with the voter's session) and returns the blind signature. */
export async function fastToken(k: FastKey, sign: (blinded: string) => Promise<string>): Promise<NoteToken> {
  const b = blind(k);
  return b.finalize(await sign(b.blinded));
}
