import { describe, expect, it } from 'vitest';
import { checkRules, cutoffFor, loadRetentionRules } from './retention-rules.ts';
import type { RetentionClass } from './retention-class.ts';

const cls = (name: string, actions: RetentionClass['actions']): RetentionClass => ({
  name,
  description: name,
  actions,
  countDue: async () => 0,
  apply: async () => 0,
});

describe('retention rules', () => {
  it('counts calendar months in Swedish time', () => {
    // 31 March minus a month is the last of February; 12:00 Swedish time both days.
    expect(cutoffFor(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T11:00:00.000Z');
    // Across the DST change the local time of day is kept.
    expect(cutoffFor(new Date('2026-04-15T10:00:00Z'), 1).toISOString()).toBe('2026-03-15T11:00:00.000Z');
    expect(cutoffFor(new Date('2026-04-15T10:00:00Z'), 0).toISOString()).toBe('2026-04-15T10:00:00.000Z');
  });

  it("reads Huddinge's plan, whose every rule names a known action", () => {
    const { source, rules } = loadRetentionRules('huddinge');
    expect(source).toMatch(/informationshanteringsplan/i);
    expect(rules.map((r) => r.recordClass)).toEqual(expect.arrayContaining(['reports.free-text', 'audit.entries']));
  });

  it('refuses a rule for an unknown class or an action the class cannot do', () => {
    const classes = [cls('a.b', ['delete'])];
    expect(() =>
      checkRules([{ recordClass: 'a.b', action: 'delete', afterMonths: 1, basis: 'x' }], classes),
    ).not.toThrow();
    expect(() => checkRules([{ recordClass: 'a.c', action: 'delete', afterMonths: 1, basis: 'x' }], classes)).toThrow(
      /no such record class/,
    );
    expect(() =>
      checkRules([{ recordClass: 'a.b', action: 'anonymise', afterMonths: 1, basis: 'x' }], classes),
    ).toThrow(/cannot anonymise/);
  });
});
