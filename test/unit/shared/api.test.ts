/**
 * The API contract: only its own calls are callable (not the names every object inherits), and a
 * call with bad arguments is one Vietnamese sentence naming at most three wrong fields. Each
 * call's arguments are tested in test/unit/electron/api/dispatch.test.ts and the handler tests
 * beside it.
 */
import { describe, expect, it } from 'vitest';
import { isCallName, parseInput } from '../../../shared/api';

describe('the contract', () => {
  it('knows its own calls only', () => {
    expect(isCallName('cells.set')).toBe(true);
    expect(isCallName('document.open')).toBe(true);
    for (const name of ['toString', 'constructor', '__proto__', 'cells.delete', '', 42, null])
      expect(isCallName(name)).toBe(false);
  });

  it('names at most three wrong fields in one sentence', () => {
    const edits = [1, 2, 3, 4].map(() => ({ tableId: 'x', rowId: 1, columnId: 1, value: 1 }));
    let message = '';
    try {
      parseInput('cells.set', { edits });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^Lệnh "cells\.set" có tham số sai — /);
    expect(message.match(/edits\.\d\.tableId/g)).toEqual([
      'edits.0.tableId',
      'edits.1.tableId',
      'edits.2.tableId',
    ]);
    expect(message.split('\n')).toHaveLength(1);
  });
});
