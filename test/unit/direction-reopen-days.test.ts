// The statute's `direction.reopenDays`: a version adopted before the key existed reads as 7 days; a statute may set
// it within 1–90.
import { describe, expect, it } from 'vitest';
import { StatuteRules } from '../../src/contracts/statute.js';
import { PRESETS } from '../../src/modules/statute/rules/presets.js';

describe('reopening days in the statute', () => {
  it('an older version without the key reads as 7', () => {
    const stored = JSON.parse(JSON.stringify(PRESETS['party-1934'])) as Record<string, unknown>;
    delete stored.direction;
    expect(StatuteRules.parse(stored).direction.reopenDays).toBe(7);
    for (const preset of Object.values(PRESETS)) expect(preset.direction.reopenDays).toBe(7);
  });

  it('a statute sets it within 1–90 whole days', () => {
    const base = PRESETS['union-federation'];
    expect(StatuteRules.parse({ ...base, direction: { reopenDays: 2 } }).direction.reopenDays).toBe(2);
    for (const bad of [0, 91, 1.5])
      expect(StatuteRules.safeParse({ ...base, direction: { reopenDays: bad } }).success).toBe(false);
  });
});
