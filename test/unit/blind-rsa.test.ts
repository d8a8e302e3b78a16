// RFC 9474 blind RSA (RSABSSA-SHA384-PSS-Randomized): the server's signer (Node crypto) and the participant's
// client library (@cloudflare/blindrsa-ts on WebCrypto) interoperate; forged, altered, foreign-key and
// malformed inputs are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  blindSign,
  generateNoteKey,
  importPrivateKey,
  MalformedBlindedMessage,
  verifyToken,
  type NoteKeyPair,
} from '../../src/platform/crypto/blind-rsa.js';
import {
  addTokens,
  clearTokens,
  finalizeTokens,
  fromBase64,
  importNoteKey,
  loadTokens,
  prepareTokens,
  takeToken,
  toBase64,
  type NoteToken,
} from '../../src/web/modules/assembly/note-tokens.js';

let key: NoteKeyPair;
let other: NoteKeyPair;
let pub: CryptoKey;
let tokens: NoteToken[];
let blinded: string[];

const sign = (k: NoteKeyPair, b: string) =>
  blindSign(importPrivateKey(k.privateKeyPkcs8), fromBase64(b)).toString('base64');
const ok = (k: NoteKeyPair, t: NoteToken) =>
  verifyToken(k.publicKeySpki, fromBase64(t.message), fromBase64(t.signature));

beforeAll(async () => {
  [key, other] = await Promise.all([generateNoteKey(), generateNoteKey()]);
  pub = await importNoteKey(key.publicKeySpki);
  const prepared = await prepareTokens(pub, 3);
  blinded = prepared.blinded;
  tokens = await finalizeTokens(
    pub,
    prepared.pending,
    blinded.map((b) => sign(key, b)),
  );
}, 30_000);

describe('blind RSA note tokens', () => {
  it('generates RSA-2048 keys with e = 65537, SPKI and PKCS#8 (DER base64 and PEM)', async () => {
    const k = importPrivateKey(key.privateKeyPkcs8);
    expect(k.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    expect(importPrivateKey(key.privateKeyPem).export({ format: 'jwk' }).n).toBe(k.export({ format: 'jwk' }).n);
    const imported = await importNoteKey(key.publicKeySpki);
    expect(imported.algorithm).toMatchObject({ name: 'RSA-PSS', modulusLength: 2048 });
  });

  it('round trip: blinded by the client, signed by the server, finalized and verified', () => {
    expect(tokens).toHaveLength(3);
    for (const t of tokens) {
      expect(ok(key, t)).toBe(true);
      // the prepared message is 32 random bytes of prefix + the 32-byte message
      expect(fromBase64(t.message)).toHaveLength(64);
      expect(fromBase64(t.signature)).toHaveLength(256);
    }
    expect(new Set(tokens.map((t) => t.message)).size).toBe(3);
  });

  it('the server never sees the message or the final signature in what it signs', () => {
    for (let i = 0; i < tokens.length; i++) {
      const b = fromBase64(blinded[i]!);
      const blindSig = fromBase64(sign(key, blinded[i]!));
      const msg = fromBase64(tokens[i]!.message);
      const sig = fromBase64(tokens[i]!.signature);
      expect(Buffer.from(b).includes(Buffer.from(msg.subarray(32)))).toBe(false);
      expect(Buffer.from(blindSig).equals(Buffer.from(sig))).toBe(false);
    }
  });

  it('refuses a forged signature, an altered signature and an altered message', () => {
    const t = tokens[0]!;
    const forged = { message: t.message, signature: toBase64(crypto.getRandomValues(new Uint8Array(256))) };
    expect(ok(key, forged)).toBe(false);
    const sig = fromBase64(t.signature);
    sig[100]! ^= 1;
    expect(ok(key, { message: t.message, signature: toBase64(sig) })).toBe(false);
    const msg = fromBase64(t.message);
    msg[40]! ^= 1;
    expect(ok(key, { message: toBase64(msg), signature: t.signature })).toBe(false);
    // another token's signature does not fit this message
    expect(ok(key, { message: t.message, signature: tokens[1]!.signature })).toBe(false);
    // a short or empty signature is refused, not an exception
    expect(ok(key, { message: t.message, signature: toBase64(fromBase64(t.signature).subarray(1)) })).toBe(false);
    expect(verifyToken(key.publicKeySpki, fromBase64(t.message), new Uint8Array())).toBe(false);
  });

  it('refuses a token signed with another meeting’s key', async () => {
    // the other key signs a blinded message; the client cannot even finalize it under this meeting's key. (A value
    // blinded under this key is at or above the other key's modulus about half the time, and then the other key
    // refuses to sign at all: blind until it is below, so the finalize step is what is tested.)
    for (let attempt = 0; ; attempt++) {
      const prepared = await prepareTokens(pub, 1);
      let foreign: string;
      try {
        foreign = sign(other, prepared.blinded[0]!);
      } catch (e) {
        expect(e).toBeInstanceOf(MalformedBlindedMessage);
        expect(attempt).toBeLessThan(40);
        continue;
      }
      await expect(finalizeTokens(pub, prepared.pending, [foreign])).rejects.toThrow();
      break;
    }
    // and a token valid under one key is refused under the other
    expect(ok(other, tokens[0]!)).toBe(false);
  });

  it('refuses malformed blinded messages: wrong length, not below the modulus', () => {
    const k = importPrivateKey(key.privateKeyPkcs8);
    const n = Buffer.from(k.export({ format: 'jwk' }).n!, 'base64url');
    expect(() => blindSign(k, new Uint8Array(255))).toThrow(MalformedBlindedMessage);
    expect(() => blindSign(k, new Uint8Array(257))).toThrow(MalformedBlindedMessage);
    expect(() => blindSign(k, n)).toThrow(MalformedBlindedMessage);
    expect(() => blindSign(k, new Uint8Array(256).fill(0xff))).toThrow(MalformedBlindedMessage);
    const below = Buffer.from(n);
    below[255] = below[255]! - 1;
    expect(blindSign(k, below)).toHaveLength(256);
  });

  it('keeps unspent tokens per meeting (in memory without localStorage)', () => {
    clearTokens('m1');
    addTokens('m1', tokens.slice(0, 2));
    addTokens('m2', tokens.slice(2));
    expect(loadTokens('m1')).toHaveLength(2);
    expect(takeToken('m1')).toEqual(tokens[0]);
    expect(takeToken('m1')).toEqual(tokens[1]);
    expect(takeToken('m1')).toBeUndefined();
    expect(loadTokens('m2')).toEqual([tokens[2]]);
    clearTokens('m2');
    expect(loadTokens('m2')).toEqual([]);
  });
});
