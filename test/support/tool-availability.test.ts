import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandAvailability } from './tool-availability.js';

describe('tool availability', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it('runs where the tool answers', () => {
    expect(commandAvailability('node', ['--version'], 'node tests', 'install node')).toEqual({ run: true });
  });

  it('skips with a printed reason on a developer machine, and fails under CI=true', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    delete process.env.CI;
    expect(commandAvailability('no-such-tool-4711', ['--version'], 'tool tests', 'apt-get install -y x')).toEqual({ run: false, reason: 'no-such-tool-4711 not found (apt-get install -y x)' });
    expect(warn).toHaveBeenCalledWith('skipping tool tests: no-such-tool-4711 not found (apt-get install -y x)');
    process.env.CI = 'true';
    expect(() => commandAvailability('no-such-tool-4711', ['--version'], 'tool tests', 'apt-get install -y x')).toThrow(/CI=true requires the tool tests to run/);
  });
});
