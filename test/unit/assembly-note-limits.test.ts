// The statute's question-note limits: anonymous and signed notes are limited apart, and a statute version adopted
// before the two limits existed (one shared `notesPerPerson`) still reads, with 5 and 5.
import { describe, expect, it } from 'vitest';
import { StatuteRules } from '../../src/contracts/statute.js';
import { PRESETS } from '../../src/modules/statute/rules/presets.js';

describe('question-note limits in the statute', () => {
  it('the presets set both limits', () => {
    for (const preset of Object.values(PRESETS)) {
      expect(preset.assemblies.anonymousNotesPerPerson).toBe(5);
      expect(preset.assemblies.signedNotesPerPerson).toBe(5);
    }
  });

  it('an older version with one shared limit still parses, with separate defaults', () => {
    const stored = JSON.parse(JSON.stringify(PRESETS['party-1934'])) as Record<string, Record<string, unknown>>;
    delete stored.assemblies!.anonymousNotesPerPerson;
    delete stored.assemblies!.signedNotesPerPerson;
    stored.assemblies!.notesPerPerson = 5;
    const rules = StatuteRules.parse(stored);
    expect(rules.assemblies).toMatchObject({ anonymousNotesPerPerson: 5, signedNotesPerPerson: 5 });
    expect(rules.assemblies).not.toHaveProperty('notesPerPerson');
  });

  it('a statute may set the two limits differently, within 0–100', () => {
    const base = PRESETS['union-federation'];
    const rules = StatuteRules.parse({
      ...base,
      assemblies: { ...base.assemblies, anonymousNotesPerPerson: 10, signedNotesPerPerson: 0 },
    });
    expect(rules.assemblies).toMatchObject({ anonymousNotesPerPerson: 10, signedNotesPerPerson: 0 });
    expect(
      StatuteRules.safeParse({ ...base, assemblies: { ...base.assemblies, signedNotesPerPerson: 101 } }).success,
    ).toBe(false);
  });
});
