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

describe('loadConfig: SITE_ORIGIN (cross-origin writes, api/cors-policy.ts)', () => {
  it('reads a comma-separated list of origins, none by default', () => {
    expect(loadConfig({}).siteOrigins).toEqual([]);
    expect(loadConfig({ SITE_ORIGIN: 'https://d111.cloudfront.net, https://atlas.example.org' }).siteOrigins).toEqual(['https://d111.cloudfront.net', 'https://atlas.example.org']);
  });

  it('refuses a URL with a path (it would never equal an Origin header), naming the variable', () => {
    expect(() => loadConfig({ SITE_ORIGIN: 'https://atlas.example.org/' })).toThrow(/^SITE_ORIGIN: expected origins like/);
  });
});
