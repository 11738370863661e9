import { describe, expect, it } from 'vitest';
import { parseInput, UserError } from '../../../../shared/api';
import { dispatch } from '../../../../electron/api/dispatch';
import type { Handlers } from '../../../../electron/api/handlers';

describe('the API contract refuses bad arguments with a Vietnamese message', () => {
  it('names the wrong field of a call', () => {
    expect(() => parseInput('table.get', { tableId: 'x' })).toThrow(UserError);
    expect(() => parseInput('table.get', { tableId: 'x' })).toThrow(/table\.get.*tableId/);
  });

  it('refuses an empty edit list and an empty path', () => {
    expect(() => parseInput('cells.set', { edits: [] })).toThrow(/Không có ô nào để ghi/);
    expect(() => parseInput('document.open', { path: '' })).toThrow(
      /Đường dẫn tệp không được để trống/,
    );
  });

  it('refuses a cell value that is neither number, text nor empty', () => {
    const edit = { tableId: 1, rowId: 1, columnId: 1, value: { x: 1 } };
    expect(() => parseInput('cells.set', { edits: [edit] })).toThrow(/edits\.0\.value/);
    expect(() => parseInput('cells.set', { edits: [{ ...edit, value: Infinity }] })).toThrow(
      UserError,
    );
  });

  it('accepts a well-formed call unchanged', () => {
    const edit = { tableId: 1, rowId: 2, columnId: 3, value: 'khoảng 150' };
    expect(parseInput('cells.set', { edits: [edit] })).toEqual({ edits: [edit] });
  });
});

describe('dispatch', () => {
  const calls: unknown[] = [];
  const handlers = {
    'table.get': (input: unknown) => {
      calls.push(input);
      throw new UserError('Không có biểu số 9.', 'not-found');
    },
    'templates.list': () => {
      throw new Error('disk on fire at /secret/path');
    },
  } as unknown as Handlers;

  it('refuses an unknown call', async () => {
    expect(await dispatch(handlers, 'rm.rf', {})).toEqual({
      ok: false,
      error: 'Không có lệnh «rm.rf».',
      code: 'bad-input',
    });
  });

  it('never runs the handler when the input is invalid', async () => {
    calls.length = 0;
    const reply = await dispatch(handlers, 'table.get', { tableId: 'nine' });
    expect(reply).toMatchObject({ ok: false, code: 'bad-input' });
    expect(calls).toHaveLength(0);
  });

  it('passes a user error through and hides an internal one', async () => {
    expect(await dispatch(handlers, 'table.get', { tableId: 9 })).toEqual({
      ok: false,
      error: 'Không có biểu số 9.',
      code: 'not-found',
    });
    const internal = await dispatch(handlers, 'templates.list', {});
    expect(internal.ok).toBe(false);
    expect(JSON.stringify(internal)).not.toContain('/secret/path');
  });
});
