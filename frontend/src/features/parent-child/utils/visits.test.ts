import { describe, expect, it } from 'vitest';
import { visitKind, visitResources } from '@/features/parent-child/utils/visits';

describe('visits', () => {
  it('names each part once, in the order of the file, an unknown one as "other" at the end', () => {
    expect(visitResources(['plan', 'brand-new', 'child', 'plan', 'another-new'])).toEqual(['child', 'plan', 'other']);
  });

  it('tells a visit that changed something from one that only looked', () => {
    expect(visitKind(['read', 'list'])).toBe('read');
    expect(visitKind(['read', 'update'])).toBe('changed');
    expect(visitKind(['create'])).toBe('changed');
  });
});
