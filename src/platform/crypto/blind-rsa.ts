// RFC 9474 blind RSA signatures, the signer's side (RSABSSA-SHA384-PSS-Randomized), with Node's crypto only.
// The client (src/web/modules/assembly/note-tokens.ts) prepares and blinds a message; the signer applies the
// raw RSA private operation to the blinded value without learning the message; the client unblinds the result
// into an ordinary RSASSA-PSS (SHA-384, salt 48) signature over the prepared message, which anyone holding the
// public key verifies. The signer never sees the message it signed, so a signature cannot be linked to the
// signing request that produced it: unlinkability rests on the blinding, not on the key's secrecy.
import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  privateDecrypt,
  publicEncrypt,
  verify,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

export const NOTE_KEY_SUITE = 'RSABSSA-SHA384-PSS-Randomized' as const;
const MODULUS_BITS = 2048;
const SALT_LENGTH = 48;

/** A blinded message that is not a number below the key's modulus of the modulus' byte length. */
export class MalformedBlindedMessage extends Error {
  constructor(message = 'The blinded message is malformed.') {
    super(message);
    this.name = 'MalformedBlindedMessage';
  }
}

export interface NoteKeyPair {
  /** SubjectPublicKeyInfo, DER, base64 (what clients import). */
  publicKeySpki: string;
  /** PKCS#8, DER, base64. */
  privateKeyPkcs8: string;
  /** PKCS#8 as PEM (for tools). */
  privateKeyPem: string;
}

/** A fresh RSA-2048 key (e = 65537) for one meeting's note tokens. Runs off the event loop. */
export async function generateNoteKey(): Promise<NoteKeyPair> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: MODULUS_BITS,
    publicExponent: 0x10001,
  });
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return {
    publicKeySpki: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyPkcs8: der.toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Imports a private key given as PKCS#8 base64 (DER) or PEM. */
export function importPrivateKey(pkcs8: string): KeyObject {
  return pkcs8.includes('-----BEGIN')
    ? createPrivateKey(pkcs8)
    : createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
}

/** Imports a public key given as SPKI base64 (DER). */
export function importPublicKey(spkiB64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiB64, 'base64'), format: 'der', type: 'spki' });
}

function modulusOf(key: KeyObject): Buffer {
  const n = key.export({ format: 'jwk' }).n;
  if (!n) throw new Error('not an RSA key');
  return Buffer.from(n, 'base64url');
}

const moduli = new WeakMap<KeyObject, Buffer>();
function modulus(key: KeyObject): Buffer {
  let n = moduli.get(key);
  if (!n) {
    n = modulusOf(key);
    moduli.set(key, n);
  }
  return n;
}

const publics = new WeakMap<KeyObject, KeyObject>();
function publicOf(key: KeyObject): KeyObject {
  let p = publics.get(key);
  if (!p) {
    p = createPublicKey(key);
    publics.set(key, p);
  }
  return p;
}

/**
 * BlindSign (RFC 9474 §4.3): s = m^d mod n on the blinded value, checked against the public operation (a
 * faulty CRT computation must never leave the signer). Throws MalformedBlindedMessage unless `blinded` has the
 * modulus' length and is below it.
 */
export function blindSign(privateKey: KeyObject | string, blinded: Uint8Array): Buffer {
  const key = typeof privateKey === 'string' ? importPrivateKey(privateKey) : privateKey;
  const n = modulus(key);
  const m = Buffer.from(blinded.buffer, blinded.byteOffset, blinded.byteLength);
  if (m.length !== n.length) throw new MalformedBlindedMessage(`The blinded message must be ${n.length} bytes.`);
  if (Buffer.compare(m, n) >= 0) throw new MalformedBlindedMessage('The blinded message is not below the modulus.');
  const s = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, m);
  const back = publicEncrypt({ key: publicOf(key), padding: constants.RSA_NO_PADDING }, s);
  if (!back.equals(m)) throw new Error('signing failure');
  return s;
}

/**
 * Verifies a finalized token: `signature` is an RSASSA-PSS (SHA-384, MGF1-SHA-384, salt 48) signature over
 * `message`, the prepared message (32 random bytes, then the client's message).
 */
export function verifyToken(publicKey: KeyObject | string, message: Uint8Array, signature: Uint8Array): boolean {
  const key = typeof publicKey === 'string' ? importPublicKey(publicKey) : publicKey;
  if (signature.byteLength !== modulus(key).length) return false;
  try {
    return verify(
      'sha384',
      message,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: SALT_LENGTH },
      signature,
    );
  } catch {
    return false;
  }
}
