/**
 * The single entry both transports use: name check, input validation, the handler, and the
 * conversion of any failure into a Reply. A user error keeps its Vietnamese message; anything
 * else is logged on the Node side and reported as an internal error — never a stack trace.
 */
import { isCallName, parseInput, UserError, type Reply } from '../../shared/api';
import type { Handlers } from './handlers';

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
): Promise<Reply<unknown>> {
  try {
    if (!isCallName(name)) {
      throw new UserError(`Không có lệnh «${String(name)}».`, 'bad-input');
    }
    const parsed = parseInput(name, input);
    // Handlers is a total map (a missing handler does not compile), so every name has one.
    const handler = handlers[name] as (i: unknown) => unknown;
    return { ok: true, value: await handler(parsed) };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, error: err.message, code: err.code };
    console.error(`[bieu] lỗi khi chạy lệnh ${String(name)}:`, err);
    return {
      ok: false,
      error: `Lỗi nội bộ khi chạy lệnh «${String(name)}»; dữ liệu không bị thay đổi.`,
      code: 'failed',
    };
  }
}
