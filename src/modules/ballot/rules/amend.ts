// Applying an amendment to a motion's text (pure). An amendment names the words of the motion's current text it
// replaces (`replaces`) and the words it puts in their place (`text`; '' deletes them); `replaces` '' adds `text`
// at the end. The words must occur in the text exactly once, so everyone knows which passage is meant.

export interface AmendmentWords {
  /** Words of the current text the amendment replaces; '' appends `text`. */
  replaces: string;
  /** The new words; '' deletes `replaces`. */
  text: string;
}

/** Where an amendment's words are in a text. */
export type Location =
  | { kind: 'append' }
  | { kind: 'at'; index: number }
  | { kind: 'not_found' }
  | { kind: 'ambiguous'; occurrences: number };

/** How many times `words` occur in `text`, overlapping occurrences included (stops counting at `limit`). */
export function occurrences(text: string, words: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (words === '') return 0;
  let n = 0;
  for (let i = text.indexOf(words); i !== -1 && n < limit; i = text.indexOf(words, i + 1)) n++;
  return n;
}

/** Finds the passage an amendment replaces in `text`. */
export function locate(text: string, replaces: string): Location {
  if (replaces === '') return { kind: 'append' };
  const first = text.indexOf(replaces);
  if (first === -1) return { kind: 'not_found' };
  const n = occurrences(text, replaces);
  return n === 1 ? { kind: 'at', index: first } : { kind: 'ambiguous', occurrences: n };
}

/** True when the amendment can still be applied to `text` (its words occur exactly once, or it appends). */
export function applicable(text: string, replaces: string): boolean {
  const l = locate(text, replaces);
  return l.kind === 'append' || l.kind === 'at';
}

/** Whether an amendment changes anything and can be located; null when it is well formed for `text`. */
export function amendmentProblem(
  text: string,
  a: AmendmentWords,
):
  | { kind: 'empty' }
  | { kind: 'no_change' }
  | { kind: 'not_found' }
  | { kind: 'ambiguous'; occurrences: number }
  | null {
  if (a.replaces === '' && a.text.trim() === '') return { kind: 'empty' };
  if (a.replaces !== '' && a.replaces === a.text) return { kind: 'no_change' };
  const l = locate(text, a.replaces);
  if (l.kind === 'not_found' || l.kind === 'ambiguous') return l;
  return null;
}

const CLOSING = /^[\s.,;:!?)»”]/;

/**
 * The text with the amendment applied. Appended words start a new line unless the text already ends in
 * whitespace or the words begin with whitespace or punctuation. A deletion leaves no double space behind.
 * Throws when the words do not occur exactly once (callers check with `locate` first).
 */
export function applyAmendment(text: string, a: AmendmentWords): string {
  const l = locate(text, a.replaces);
  if (l.kind === 'append') {
    if (text === '' || /\s$/.test(text) || CLOSING.test(a.text)) return text + a.text;
    return `${text}\n${a.text}`;
  }
  if (l.kind !== 'at') throw new Error(`amendment words ${l.kind === 'not_found' ? 'not found' : 'ambiguous'}`);
  let before = text.slice(0, l.index);
  let after = text.slice(l.index + a.replaces.length);
  if (a.text === '') {
    if (/ $/.test(before) && (after === '' || CLOSING.test(after))) before = before.slice(0, -1);
    else if (before === '' || /\n$/.test(before)) after = after.replace(/^ /, '');
  }
  return before + a.text + after;
}
