import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Client side of Cognito's USER_SRP_AUTH (SRP-6a over the RFC 5054 3072-bit
 * group, SHA-256, as amazon-cognito-identity-js computes it): the password
 * never leaves the machine, only a proof that we know it. Pure: no network.
 */
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';
export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;

/** Hex of a non-negative integer, padded as Cognito does: even length, and a leading 00 when the top bit is set. */
export function padHex(n: bigint): string {
  const hex = n.toString(16);
  if (hex.length % 2 === 1) return `0${hex}`;
  return '89abcdef'.includes(hex[0]!) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex').padStart(64, '0');
const hexHash = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = ((base % mod) + mod) % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

export const k = BigInt(`0x${hexHash(padHex(N) + padHex(g))}`);

/** A fresh ephemeral key pair: a secret, A = g^a mod N sent as SRP_A. */
export function ephemeral(secret = BigInt(`0x${randomBytes(128).toString('hex')}`) % N): { a: bigint; A: bigint } {
  return { a: secret, A: modPow(g, secret, N) };
}

/** x = H(salt | H(poolName | userId | ":" | password)), the private key the verifier was made from. */
export function privateKey(poolName: string, userId: string, password: string, salt: bigint): bigint {
  return BigInt(`0x${hexHash(padHex(salt) + sha256Hex(`${poolName}${userId}:${password}`))}`);
}

/** The shared secret S = (B − k·g^x)^(a + u·x) mod N and u = H(A | B). */
export function sharedSecret(input: { a: bigint; A: bigint; B: bigint; x: bigint }): { S: bigint; u: bigint } {
  const u = BigInt(`0x${hexHash(padHex(input.A) + padHex(input.B))}`);
  if (u === 0n) throw new Error('SRP_B: the server value makes u = 0; start again');
  const base = (((input.B - k * modPow(g, input.x, N)) % N) + N) % N;
  return { S: modPow(base, input.a + u * input.x, N), u };
}

/** The 16-byte key Cognito derives with HKDF-SHA256 (salt u, info "Caldera Derived Key"). */
export function passwordAuthenticationKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  return createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).digest().subarray(0, 16);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Cognito's TIMESTAMP: "Mon Nov 30 7:05:09 UTC 2026" — the day unpadded, the time padded, UTC. */
export function cognitoTimestamp(d: Date): string {
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * The PASSWORD_VERIFIER answer: HMAC(key, poolName | userId | secretBlock | timestamp), base64.
 * poolName is the part of the user pool id after the underscore (us-east-1_AbC123 → AbC123).
 */
export function passwordVerifier(input: {
  userPoolId: string;
  userId: string;
  password: string;
  a: bigint;
  A: bigint;
  challenge: { SALT: string; SRP_B: string; SECRET_BLOCK: string };
  now: Date;
}): { PASSWORD_CLAIM_SECRET_BLOCK: string; PASSWORD_CLAIM_SIGNATURE: string; TIMESTAMP: string } {
  const poolName = input.userPoolId.split('_')[1];
  if (!poolName) throw new Error(`userPoolId: expected <region>_<id>, got "${input.userPoolId}"`);
  const B = BigInt(`0x${input.challenge.SRP_B}`);
  if (B % N === 0n) throw new Error('SRP_B: invalid server value');
  const x = privateKey(poolName, input.userId, input.password, BigInt(`0x${input.challenge.SALT}`));
  const { S, u } = sharedSecret({ a: input.a, A: input.A, B, x });
  const TIMESTAMP = cognitoTimestamp(input.now);
  const message = Buffer.concat([Buffer.from(poolName, 'utf8'), Buffer.from(input.userId, 'utf8'), Buffer.from(input.challenge.SECRET_BLOCK, 'base64'), Buffer.from(TIMESTAMP, 'utf8')]);
  const PASSWORD_CLAIM_SIGNATURE = createHmac('sha256', passwordAuthenticationKey(S, u)).update(message).digest('base64');
  return { PASSWORD_CLAIM_SECRET_BLOCK: input.challenge.SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE, TIMESTAMP };
}
