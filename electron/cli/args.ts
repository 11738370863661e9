/** A small, strict argument reader: unknown options are usage errors, never ignored. */
import { UserError } from '../../shared/api';

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function parseArgs(
  argv: string[],
  spec: { flags: string[]; options: string[] },
  command: string,
): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
    } else if (spec.flags.includes(arg)) {
      out.flags.add(arg);
    } else if (spec.options.includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) {
        throw new UserError(
          `Tùy chọn ${arg} của lệnh «bieu ${command}» cần một giá trị.`,
          'bad-input',
        );
      }
      out.options.set(arg, value);
    } else {
      throw new UserError(`Lệnh «bieu ${command}» không có tùy chọn ${arg}.`, 'bad-input');
    }
  }
  return out;
}
