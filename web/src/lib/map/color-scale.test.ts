import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, NO_DATA_COLOR, classOf, fillColorExpression, legendClasses } from './color-scale';

describe('classOf', () => {
  it.each([
    [0, 0],
    [19.99, 0],
    [20, 1],
    [59.5, 2],
    [80, 4],
    [100, 4],
  ])('percentile %d → class %d', (p, c) => expect(classOf(p)).toBe(c));

  it('keeps no data apart from zero', () => {
    expect(classOf(null)).toBeNull();
    expect(classOf(0)).toBe(0);
  });

  it('rejects out-of-range percentiles, naming the argument', () => {
    expect(() => classOf(101)).toThrow(/percentile/);
  });
});

describe('fillColorExpression', () => {
  it('uses the same breaks and colours as the legend, grey for no data', () => {
    const expr = fillColorExpression() as [string, unknown, unknown[], string];
    expect(expr[3]).toBe(NO_DATA_COLOR);
    expect(expr[2]).toEqual(['step', ['get', 'percentile'], CLASS_COLORS[0], 20, CLASS_COLORS[1], 40, CLASS_COLORS[2], 60, CLASS_COLORS[3], 80, CLASS_COLORS[4]]);
    expect(legendClasses().map((c) => c.color)).toEqual([...CLASS_COLORS]);
    expect(legendClasses()[4]!.label).toMatch(/^80–100/);
  });
});
