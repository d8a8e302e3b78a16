// Applying an amendment to a motion's text: replace, delete (no double space left), append (on a new line unless
// the words begin with punctuation), and words that are missing or occur more than once.
import { describe, expect, it } from 'vitest';
import {
  amendmentProblem,
  applicable,
  applyAmendment,
  locate,
  occurrences,
} from '../../src/modules/ballot/rules/amend.js';

const TEXT = 'The assembly approves the report of the bureau and instructs the bureau to repair the club.';

describe('amendments to a text', () => {
  it('replaces the one passage named', () => {
    expect(applyAmendment(TEXT, { replaces: 'approves', text: 'takes note of' })).toBe(
      'The assembly takes note of the report of the bureau and instructs the bureau to repair the club.',
    );
    expect(applyAmendment(TEXT, { replaces: 'repair the club', text: 'open a reading room' })).toBe(
      'The assembly approves the report of the bureau and instructs the bureau to open a reading room.',
    );
  });

  it('deletes words without leaving a double space, also before punctuation and at the start', () => {
    expect(applyAmendment(TEXT, { replaces: 'the report of ', text: '' })).toBe(
      'The assembly approves the bureau and instructs the bureau to repair the club.',
    );
    expect(applyAmendment(TEXT, { replaces: 'and instructs the bureau to repair the club', text: '' })).toBe(
      'The assembly approves the report of the bureau.',
    );
    expect(applyAmendment('Urgently repair the club.', { replaces: 'Urgently', text: '' })).toBe('repair the club.');
    expect(applyAmendment('a b c', { replaces: 'b', text: '' })).toBe('a c');
  });

  it('appends on a new line, or directly when the words start with punctuation or the text ends in a space', () => {
    expect(applyAmendment('Point one.', { replaces: '', text: 'Point two.' })).toBe('Point one.\nPoint two.');
    expect(applyAmendment('Repair the club', { replaces: '', text: ', and the library.' })).toBe(
      'Repair the club, and the library.',
    );
    expect(applyAmendment('Point one. ', { replaces: '', text: 'Point two.' })).toBe('Point one. Point two.');
  });

  it('locates words found once, and names words missing or ambiguous', () => {
    expect(locate(TEXT, 'approves')).toEqual({ kind: 'at', index: 13 });
    expect(locate(TEXT, '')).toEqual({ kind: 'append' });
    expect(locate(TEXT, 'the reading room')).toEqual({ kind: 'not_found' });
    expect(locate(TEXT, 'the bureau')).toEqual({ kind: 'ambiguous', occurrences: 2 });
    expect(occurrences('aaa', 'aa')).toBe(2); // overlapping occurrences make it ambiguous too
    expect(applicable(TEXT, 'the bureau')).toBe(false);
    expect(applicable(TEXT, 'the bureau to')).toBe(true);
    expect(() => applyAmendment(TEXT, { replaces: 'the bureau', text: 'the committee' })).toThrow(/ambiguous/);
    expect(() => applyAmendment(TEXT, { replaces: 'missing', text: 'x' })).toThrow(/not found/);
  });

  it('refuses amendments that change nothing or add nothing', () => {
    expect(amendmentProblem(TEXT, { replaces: '', text: '  ' })).toEqual({ kind: 'empty' });
    expect(amendmentProblem(TEXT, { replaces: 'approves', text: 'approves' })).toEqual({ kind: 'no_change' });
    expect(amendmentProblem(TEXT, { replaces: 'Approves', text: 'x' })).toEqual({ kind: 'not_found' });
    expect(amendmentProblem(TEXT, { replaces: 'the bureau', text: 'x' })).toEqual({
      kind: 'ambiguous',
      occurrences: 2,
    });
    expect(amendmentProblem(TEXT, { replaces: 'approves', text: '' })).toBeNull();
    expect(amendmentProblem(TEXT, { replaces: '', text: 'More.' })).toBeNull();
  });
});
