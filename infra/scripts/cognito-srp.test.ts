import { describe, expect, it } from 'vitest';
import { cognitoTimestamp, ephemeral, g, k, modPow, N, padHex, privateKey, sharedSecret } from './cognito-srp.js';

describe('Cognito SRP (client side)', () => {
  it('pads hex as Cognito does', () => {
    expect(padHex(0xabcn)).toBe('0abc');
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
  });

  it('formats the TIMESTAMP with an unpadded day and a padded time, in UTC', () => {
    expect(cognitoTimestamp(new Date('2026-11-03T07:05:09Z'))).toBe('Tue Nov 3 07:05:09 UTC 2026');
  });

  it('agrees with the server on the shared secret (SRP-6a: the server computes (A·v^u)^b from the verifier only)', () => {
    const salt = 0x1234567890abcdefn;
    const x = privateKey('AbC123', 'user-id-1', 'correct horse battery staple 1!', salt);
    const v = modPow(g, x, N); // what Cognito stored at sign-up, never the password
    const b = 0x5eedn ** 40n % N;
    const B = (k * v + modPow(g, b, N)) % N;
    const { a, A } = ephemeral();
    const client = sharedSecret({ a, A, B, x });
    const serverS = modPow((A * modPow(v, client.u, N)) % N, b, N);
    expect(client.S).toBe(serverS);
    // A wrong password gives another secret.
    const wrong = sharedSecret({ a, A, B, x: privateKey('AbC123', 'user-id-1', 'wrong', salt) });
    expect(wrong.S).not.toBe(serverS);
  });
});
