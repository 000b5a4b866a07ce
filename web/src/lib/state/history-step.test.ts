import { describe, expect, it } from 'vitest';
import { historyStep } from './history-step';

describe('history steps', () => {
  const at = (search: string, hash = '') => ({ search, hash });
  it('a new state is a new entry (Back returns to the previous one)', () => {
    expect(historyStep(at(''), at('?measure=low_birth_weight'), true)).toBe('push');
    expect(historyStep(at('?place=1'), at(''), true)).toBe('push');
  });
  it('moving the map only updates the current entry', () => {
    expect(historyStep(at('?place=1', '#8/42/-71'), at('?place=1', '#9/42.5/-71.2'), true)).toBe('replace');
  });
  it('a correction by the app replaces, so Back is not trapped', () => {
    expect(historyStep(at('?measure=gone'), at(''), false)).toBe('replace');
  });
  it('nothing changed, nothing written ("?" and "#" are empty)', () => {
    expect(historyStep(at('?place=1', '#8/42/-71'), at('?place=1', '#8/42/-71'), true)).toBeNull();
    expect(historyStep(at('?', '#'), at('', ''), true)).toBeNull();
  });
});
