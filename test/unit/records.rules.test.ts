import { describe, expect, it } from 'vitest';
import { carries } from '../../src/modules/records/rules/majority.js';

describe('carries', () => {
  it('simple majority needs more for than against; a tie fails', () => {
    expect(carries({ for: 3, against: 2, abstained: 10 }, 'simple')).toBe(true);
    expect(carries({ for: 2, against: 2, abstained: 0 }, 'simple')).toBe(false);
  });
  it('two thirds of the votes cast, abstentions aside', () => {
    expect(carries({ for: 2, against: 1, abstained: 5 }, 'two_thirds')).toBe(true);
    expect(carries({ for: 5, against: 3, abstained: 0 }, 'two_thirds')).toBe(false);
  });
  it('no votes cast carries nothing', () => {
    expect(carries({ for: 0, against: 0, abstained: 4 }, 'simple')).toBe(false);
  });
});
