import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: investment edit authorization', () => {
  it('defaults to token mode without a token (nobody may edit)', () => {
    expect(loadConfig({})).toMatchObject({ authMode: 'token', adminToken: undefined });
  });

  it('reads AUTH_MODE and ADMIN_TOKEN', () => {
    expect(loadConfig({ AUTH_MODE: 'apigateway-jwt' }).authMode).toBe('apigateway-jwt');
    expect(loadConfig({ ADMIN_TOKEN: 'a-long-enough-token' }).adminToken).toBe('a-long-enough-token');
  });

  it('names the variable when a value is refused', () => {
    expect(() => loadConfig({ AUTH_MODE: 'none' })).toThrow(/^AUTH_MODE: expected "token" or "apigateway-jwt"/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/^ADMIN_TOKEN: expected at least 16 characters/);
  });
});
