/**
 * The compile-time agreement of two declarations of one shape: equal types agree, and a field
 * one side lacks — an optional one too — makes them differ.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Exactly } from '../../../shared/exactly';

describe('Exactly', () => {
  it('holds for the same shape only', () => {
    expectTypeOf<Exactly<{ a: number; b?: 'x' }, { a: number; b?: 'x' }>>().toEqualTypeOf<true>();
    expectTypeOf<Exactly<{ a: number }, { a: number; b?: 'x' }>>().toEqualTypeOf<false>();
    expectTypeOf<
      Exactly<{ a: number; b: 'x' | undefined }, { a: number; b?: 'x' }>
    >().toEqualTypeOf<false>();
    expectTypeOf<Exactly<{ a: number }, { a: string }>>().toEqualTypeOf<false>();
  });
});
