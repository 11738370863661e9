/**
 * The CLI's argument reader is strict: an option it does not know, or one left without its value,
 * is one Vietnamese sentence naming the command and the option — never silently ignored.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/api';
import { parseArgs } from '../../../../electron/cli/args';

const spec = { flags: ['--json'], options: ['--into'] };

describe('parseArgs', () => {
  it('separates files, flags and options with their values, in any order', () => {
    const args = parseArgs(['a.xlsx', '--json', '--into', 'b.bieu', 'c.xlsx'], spec, 'import');
    expect(args.positional).toEqual(['a.xlsx', 'c.xlsx']);
    expect([...args.flags]).toEqual(['--json']);
    expect([...args.options]).toEqual([['--into', 'b.bieu']]);
  });

  it('refuses an unknown option with one sentence naming it', () => {
    expect(() => parseArgs(['a.xlsx', '--jsno'], spec, 'check')).toThrow(
      new UserError('Lệnh «bieu check» không có tùy chọn --jsno.', 'bad-input'),
    );
  });

  it('refuses an option without its value, or followed by another option', () => {
    for (const argv of [['--into'], ['--into', '--json']]) {
      expect(() => parseArgs(argv, spec, 'import')).toThrow(
        'Tùy chọn --into của lệnh «bieu import» cần một giá trị.',
      );
    }
  });
});
