/**
 * Keeping a table's findings current as it changes. The engine's `CheckSession` re-runs only the
 * rules that read the cells that changed: on a nation-wide table (11,000 communes) that is tens of
 * milliseconds per edit, where checking the whole table again takes more than half a second.
 *
 * Tables in the renderer are immutable values, while a session updates the table it was given;
 * so each session checks its own copy, and we tell it which cells differ between the table it
 * last saw and the new one. Anything more than changed cells (rows added, columns changed, a
 * table reloaded from the host) starts a fresh session.
 */
import { CheckSession, type CellChange } from '../../shared/checks/engine';
import type { Finding } from '../../shared/checks/finding';
import type { Table } from '../../shared/model';

export interface LiveCheck {
  /** The table whose cells the session holds now. */
  table: Table;
  session: CheckSession | null;
  findings: Finding[];
  /** The rule families turned off when the session was made. */
  disabled?: ReadonlySet<string>;
}

export function checkLive(
  previous: LiveCheck | undefined,
  table: Table,
  disabled: ReadonlySet<string> = new Set(),
): LiveCheck {
  // Turning a rule off or on compiles the table's rules anew.
  if (previous && previous.disabled !== undefined && previous.disabled !== disabled) {
    previous = undefined;
  }
  if (previous?.table === table) return previous;
  const changes = previous?.session ? changedCells(previous.table, table) : null;
  if (previous?.session && changes) {
    if (changes.length === 0) return { ...previous, table, disabled };
    return {
      table,
      session: previous.session,
      findings: guarded(table, () => previous.session!.recheckCells(changes)),
      disabled,
    };
  }
  let session: CheckSession | null = null;
  const findings = guarded(table, () => {
    session = new CheckSession(structuredClone(table), { disabledRules: disabled });
    return session.findings();
  });
  return { table, session, findings, disabled };
}

/** The cells whose values differ, or null when the table changed in more than its values. */
export function changedCells(before: Table, after: Table): CellChange[] | null {
  if (before.columns !== after.columns || before.rows.length !== after.rows.length) return null;
  const changes: CellChange[] = [];
  for (let row = 0; row < after.rows.length; row++) {
    const a = before.rows[row];
    const b = after.rows[row];
    if (a === b) continue; // edits replace only the rows they touch
    if (a.id !== b.id || a.role !== b.role || a.unitKey !== b.unitKey) return null;
    for (let col = 0; col < after.columns.length; col++) {
      const value = b.cells[col] ?? null;
      if (!Object.is(a.cells[col] ?? null, value)) changes.push({ row, col, value });
    }
  }
  return changes;
}

/** A fault in one rule must not take the grid down with it; the console keeps the evidence. */
function guarded(table: Table, run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch (error) {
    console.error(`[bieu] kiểm tra biểu "${table.name}" thất bại`, error);
    return [];
  }
}
