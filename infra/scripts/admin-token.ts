#!/usr/bin/env node
/**
 * Sign an admin in to the stack's Cognito user pool with SRP (the app client allows no other flow) and print
 * the tokens as JSON. Handles the first sign-in (new password, authenticator enrolment) and the TOTP code.
 *
 *   npx tsx infra/scripts/admin-token.ts --pool <UserPoolId> --client <UserPoolClientId> --user planner@example.org
 *
 * The password is read from the terminal without echo (or ADMIN_PASSWORD); it never leaves this machine:
 * Cognito receives only SRP values (infra/scripts/cognito-srp.ts). InitiateAuth, RespondToAuthChallenge and
 * the software-token calls are public Cognito APIs: no AWS credentials are needed.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ephemeral, passwordVerifier } from './cognito-srp.js';

const { values } = parseArgs({ options: { pool: { type: 'string' }, client: { type: 'string' }, user: { type: 'string' } } });
const { pool, client, user } = values;
if (!pool || !client || !user) {
  console.error('usage: npx tsx infra/scripts/admin-token.ts --pool <UserPoolId> --client <UserPoolClientId> --user <email>');
  process.exit(2);
}
const region = pool.split('_')[0]!;

type Answer = { ChallengeName?: string; ChallengeParameters?: Record<string, string>; Session?: string; AuthenticationResult?: Record<string, unknown>; SecretCode?: string };

async function cognito(action: string, body: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`https://cognito-idp.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Answer & { __type?: string; message?: string };
  if (!res.ok) throw new Error(`${action}: ${json.__type ?? res.status} ${json.message ?? ''}`.trim());
  return json;
}

async function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (hidden) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => void (s.startsWith(question) && process.stderr.write(question));
  const answer = await rl.question(question);
  rl.close();
  if (hidden) process.stderr.write('\n');
  return answer.trim();
}

const password = process.env.ADMIN_PASSWORD ?? (await ask(`Password for ${user}: `, true));
const { a, A } = ephemeral();
let answer = await cognito('InitiateAuth', { ClientId: client, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: user, SRP_A: A.toString(16) } });
if (answer.ChallengeName !== 'PASSWORD_VERIFIER') throw new Error(`expected PASSWORD_VERIFIER, got ${answer.ChallengeName}`);
const params = answer.ChallengeParameters as { SALT: string; SRP_B: string; SECRET_BLOCK: string; USER_ID_FOR_SRP: string };
const userId = params.USER_ID_FOR_SRP;
answer = await cognito('RespondToAuthChallenge', {
  ClientId: client,
  ChallengeName: 'PASSWORD_VERIFIER',
  ChallengeResponses: { USERNAME: userId, ...passwordVerifier({ userPoolId: pool, userId, password, a, A, challenge: params, now: new Date() }) },
});

while (!answer.AuthenticationResult) {
  const respond = (responses: Record<string, string>, session = answer.Session) =>
    cognito('RespondToAuthChallenge', { ClientId: client, ChallengeName: answer.ChallengeName, Session: session, ChallengeResponses: { USERNAME: userId, ...responses } });
  switch (answer.ChallengeName) {
    case 'NEW_PASSWORD_REQUIRED':
      answer = await respond({ NEW_PASSWORD: await ask('First sign-in: choose a new password (14+ characters, upper, lower, digit, symbol): ', true) });
      break;
    case 'MFA_SETUP': {
      const { SecretCode, Session } = await cognito('AssociateSoftwareToken', { Session: answer.Session });
      console.error(`Add this key to an authenticator app: ${SecretCode}\n  (or as a URI: otpauth://totp/EquityAtlas:${encodeURIComponent(user)}?secret=${SecretCode}&issuer=EquityAtlas)`);
      const verified = await cognito('VerifySoftwareToken', { Session, UserCode: await ask('6-digit code from the app: '), FriendlyDeviceName: 'authenticator' });
      answer = await respond({}, verified.Session);
      break;
    }
    case 'SOFTWARE_TOKEN_MFA':
      answer = await respond({ SOFTWARE_TOKEN_MFA_CODE: await ask('6-digit code from the authenticator app: ') });
      break;
    default:
      throw new Error(`challenge ${answer.ChallengeName} is not handled by this script`);
  }
}
// IdToken carries cognito:groups (the app requires "admins"); send it as Authorization: Bearer ….
console.log(JSON.stringify(answer.AuthenticationResult, null, 2));
