// Pure tree rules: kinds allowed under a parent, region and primary organisation, sizes, saturation.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/modules/statute/rules/presets.js';
import {
  countedSize,
  isBelowMinimum,
  isInSubtree,
  isKindAllowedUnder,
  labelToId,
  likeEscape,
  primaryIdFor,
  regionIdOf,
  saturation,
} from '../../src/modules/organisation/rules/tree.js';

const party = PRESETS['party-1934'];
const union = PRESETS['union-federation'];
const A = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const B = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const label = (id: string) => id.replace(/-/g, '');

describe('tree rules', () => {
  it('reads allowed children from the statute', () => {
    expect(isKindAllowedUnder(party, 'district_committee', 'primary_organisation')).toBe(true);
    expect(isKindAllowedUnder(party, 'primary_organisation', 'shop_cell')).toBe(true);
    expect(isKindAllowedUnder(party, 'city_committee', 'shop_cell')).toBe(false);
    expect(isKindAllowedUnder(party, 'council', 'bureau')).toBe(false);
    expect(isKindAllowedUnder(party, 'central_committee', 'politburo')).toBe(true);
    expect(isKindAllowedUnder(union, 'central_committee', 'politburo')).toBe(false);
  });

  it('region is the depth-2 ancestor; null for a root', () => {
    expect(labelToId(label(A))).toBe(A);
    expect(regionIdOf(label(A))).toBeNull();
    expect(regionIdOf(`${label(A)}.${label(B)}`)).toBe(B);
    expect(regionIdOf(`${label(A)}.${label(B)}.${label(A)}`)).toBe(B);
  });

  it('primary organisation of a new body', () => {
    expect(primaryIdFor(A, 'primary_organisation', null)).toBe(A);
    expect(primaryIdFor(A, 'shop_cell', { id: B, kind: 'primary_organisation', primaryId: B })).toBe(B);
    expect(primaryIdFor(A, 'party_group', { id: 'x', kind: 'shop_cell', primaryId: B })).toBe(B);
    expect(primaryIdFor(A, 'bureau', { id: B, kind: 'primary_organisation', primaryId: B })).toBeNull();
    expect(primaryIdFor(A, 'district_committee', { id: B, kind: 'city_committee', primaryId: null })).toBeNull();
  });

  it('subtree membership respects label boundaries', () => {
    expect(isInSubtree('a.b', 'a.b')).toBe(true);
    expect(isInSubtree('a.b.c', 'a.b')).toBe(true);
    expect(isInSubtree('a.bc', 'a.b')).toBe(false);
    expect(isInSubtree('a', 'a.b')).toBe(false);
  });

  it('size and minimum follow the statute (candidates count or not)', () => {
    expect(countedSize(party, 2, 1)).toBe(3);
    expect(countedSize(union, 2, 1)).toBe(2);
    expect(isBelowMinimum(party, 'primary_organisation', 2, 1)).toBe(false);
    expect(isBelowMinimum(party, 'primary_organisation', 2, 0)).toBe(true);
    expect(isBelowMinimum(union, 'primary_organisation', 4, 3)).toBe(true);
    expect(isBelowMinimum(party, 'shop_cell', 0, 0)).toBe(false);
  });

  it('saturation and search escaping', () => {
    expect(saturation(14, 100)).toEqual({ members: 14, workforce: 100, ratio: 0.14 });
    expect(saturation(3, 0).ratio).toBe(0);
    expect(likeEscape('A_b%c\\')).toBe('a\\_b\\%c\\\\');
  });
});
