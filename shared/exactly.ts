/**
 * Compile-time checks that two declarations of one shape agree: the model's types (model.ts)
 * are the declaration, and each schema that validates the same shape (the API contract, the
 * store's new tables) asserts `Exactly<its output, the model type>`, so a field added to one and
 * not the other does not compile — an optional field too.
 */

/**
 * True when A and B are the same type: each assignable to the other and with the same keys
 * (assignability alone lets one side lack an optional field the other has).
 */
export type Exactly<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

/** Compiles only for `true`. */
export type Assert<T extends true> = T;
