/**
 * The rules of a document through the API, as the rules view in the app uses them: every rule of a table with its origin, turning rules off, rules typed by the user,
 * links the figures suggest, accepted or dismissed — each one undoable action kept in the file —
 * and `document.check`, which reports what `bieu check DOC.bieu` reports.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../../../../electron/app-bootstrap';
import { dispatch } from '../../../../electron/api/dispatch';
import { createHandlers, type Handlers } from '../../../../electron/api/handlers';
import type { AppSession } from '../../../../electron/api/app-session';
import { runCheck } from '../../../../electron/cli/check-command';
import type { CallName, CallOutput } from '../../../../shared/api';

let home: string;
let session: AppSession;
let handlers: Handlers;

async function call<N extends CallName>(name: N, input: unknown = {}): Promise<CallOutput<N>> {
  const reply = await dispatch(handlers, name, input);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as CallOutput<N>;
}

async function refused(name: CallName, input: unknown): Promise<string> {
  const reply = await dispatch(handlers, name, input);
  if (reply.ok) throw new Error(`${name} was not refused`);
  return reply.error;
}

/** The sample document: "Dân số và tỷ lệ tham gia" and "CDHT theo nhóm", a slip planted. */
async function tableId(name: string): Promise<number> {
  const info = (await call('document.current'))!;
  return info.tables.find((t) => t.name === name)!.id;
}

const key = (f: { table: string; cell: string; kind: string }) => `${f.table}!${f.cell}:${f.kind}`;

/** What `bieu check DOC.bieu --json` reports for the open document (the CLI opens it itself). */
async function cliFindings(): Promise<string[]> {
  const file = (await call('document.current'))!.path;
  session.closeDocument();
  let out = '';
  await runCheck(
    [file, '--json'],
    (s) => (out += s),
    () => {},
  );
  await call('document.open', { path: file });
  return (JSON.parse(out) as { findings: { table: string; cell: string; kind: string }[] }).findings
    .map(key)
    .sort();
}

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-rules-'));
  const app = bootstrap({ env: { BIEU_HOME: home } });
  session = app.session;
  handlers = createHandlers(session, { version: 't', transport: 'browser', paths: app.paths });
});

afterEach(() => {
  session.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('rules.list', () => {
  it('lists every rule of a table with where it comes from, in the column-code notation', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    const rules = await call('rules.list', { tableId: danSo });
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get(`${danSo}/code-row:1`)).toMatchObject({
      origin: 'code-row',
      originName: 'Dòng mã cột',
      text: '1=2+3+4+5',
      columns: ['1'],
      checks: 17,
      enabled: true,
      removable: false,
      problem: null,
    });
    expect(byId.get(`${danSo}/code-row:7`)).toMatchObject({ text: '7=6/1*100' });
    const total = rules.find((r) => r.origin === 'total-row')!;
    expect(total.text).toBe('Dòng «Tổng cộng» = tổng các dòng chi tiết');
    expect(total.columns).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rules.some((r) => r.id === `${danSo}/not-a-number` && r.origin === 'data')).toBe(true);
  });

  it('says which table is missing', async () => {
    expect(await refused('rules.list', { tableId: 999 })).toMatch(/999/);
  });
});

describe('turning a rule off', () => {
  it('drops its findings, as one undoable action the history names', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    const before = await call('document.check');
    expect(before.map((f) => f.kind).sort()).toEqual(['column-total', 'ratio']);

    const change = await call('rules.setEnabled', {
      ruleId: `${danSo}/code-row:7`,
      enabled: false,
    });
    expect(change.batchId).not.toBeNull();
    expect(change.structureChanged).toEqual([danSo]);
    expect((await call('document.check')).map((f) => f.kind)).toEqual(['column-total']);
    expect(await cliFindings()).toEqual(['Dân số và tỷ lệ tham gia!H27:column-total']);
    const rules = await call('rules.list', { tableId: danSo });
    expect(rules.find((r) => r.id === `${danSo}/code-row:7`)!.enabled).toBe(false);
    const [entry] = await call('history.list', {});
    expect(entry.label).toBe('Tắt quy tắc «7=6/1*100» của biểu «Dân số và tỷ lệ tham gia»');

    await call('edit.undo');
    expect(await call('document.check')).toEqual(before);
    await call('edit.redo');
    expect((await call('document.check')).map((f) => f.kind)).toEqual(['column-total']);
    await call('rules.setEnabled', { ruleId: `${danSo}/code-row:7`, enabled: true });
    expect(await call('document.check')).toEqual(before);
  });

  it('refuses a rule the document does not have', async () => {
    expect(await refused('rules.setEnabled', { ruleId: '1/code-row:99', enabled: false })).toBe(
      'Không có quy tắc «1/code-row:99» trong tài liệu.',
    );
  });
});

describe('rules typed by the user', () => {
  it('refuses a rule that does not parse, saying where, and stores nothing', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    const canUndo = (await call('document.current'))!.canUndo;
    const error = await refused('rules.addUser', { tableId: danSo, text: '6 <= 1 +' });
    expect(error).toMatch(/^Quy tắc «6 <= 1 \+» chưa dùng được: .*vị trí \d+/);
    expect(await refused('rules.addUser', { text: 'B9.1 = B1.2' })).toMatch(
      /^Quy tắc «B9\.1 = B1\.2» chưa dùng được: tài liệu không có biểu «B9»/,
    );
    expect(await refused('rules.addUser', { tableId: danSo, text: ' ' })).toMatch(
      /Quy tắc không được để trống/,
    );
    const rules = await call('rules.list', { tableId: danSo });
    expect(rules.filter((r) => r.origin === 'user')).toEqual([]);
    expect((await call('document.current'))!.canUndo).toBe(canUndo);
  });

  it('checks a rule once added, until it is removed; both undoable', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    // Every participant is at least 7 years old: column 6 at most 3+4+5. Row 1 breaks it.
    const { rule, changes } = await call('rules.addUser', { tableId: danSo, text: '6 <= 2' });
    expect(rule).toMatchObject({
      origin: 'user',
      originName: 'Quy tắc do người dùng nhập',
      text: '6 <= 2',
      enabled: true,
      removable: true,
      problem: null,
    });
    expect(changes.structureChanged).toEqual([danSo]);
    const listed = await call('rules.list', { tableId: danSo });
    expect(listed.find((r) => r.id === rule.id)).toEqual(rule);
    const found = (await call('document.check')).filter((f) => f.kind === 'user-rule');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toMatch(/^Theo quy tắc «6 <= 2»: /);
    expect(await cliFindings()).toEqual((await call('document.check')).map(key).sort());

    await call('rules.setEnabled', { ruleId: rule.id, enabled: false });
    expect((await call('document.check')).some((f) => f.kind === 'user-rule')).toBe(false);
    await call('edit.undo');

    const id = Number(rule.id.slice('user:'.length));
    await call('rules.removeUser', { id });
    expect((await call('document.check')).some((f) => f.kind === 'user-rule')).toBe(false);
    await call('edit.undo');
    expect((await call('document.check')).some((f) => f.kind === 'user-rule')).toBe(true);
    expect(await refused('rules.removeUser', { id: 999 })).toBe(
      'Không có quy tắc tự nhập số 999 trong tài liệu.',
    );
  });
});

describe('links between tables', () => {
  it('proposes the link the figures suggest, with the slip and where to fix it', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    const cdht = await tableId('CDHT theo nhóm');
    const proposals = await call('links.proposals');
    const p = proposals.find((x) => x.from.tableId === danSo && x.from.columnCode === '6')!;
    expect(p.from).toMatchObject({
      tableName: 'Dân số và tỷ lệ tham gia',
      label: 'Số người tham gia',
    });
    expect(p.to).toMatchObject({ tableId: cdht, columnCode: '9', label: 'Tổng' });
    expect(p).toMatchObject({ compared: 17, agreeing: 16 });
    expect(p.disagreements).toHaveLength(1);
    const [d] = p.disagreements;
    expect(d).toMatchObject({ label: 'Thị Trấn Lộc Ninh', fromValue: 1329, toValue: 1239 });
    // The fix goes where the table's own checks fail: the population table.
    expect(d.suggestion).toMatchObject({ tableId: danSo, rowId: d.fromRowId, value: 1239 });
    expect(d.suggestion!.columnId).toBe(p.from.columnId);
    expect(p.message).toMatch(/Nhận làm quy tắc của tài liệu\?$/);
  });

  it('checks an accepted link as a rule of the document; undo takes it back', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    const cdht = await tableId('CDHT theo nhóm');
    const [p] = (await call('links.proposals')).filter((x) => x.from.tableId === danSo);
    const change = await call('links.accept', { proposal: p });
    expect(change.structureChanged.sort()).toEqual([danSo, cdht].sort());
    const [entry] = await call('history.list', {});
    expect(entry.label).toBe('Nhận liên kết [CDHT theo nhóm].9 = [Dân số và tỷ lệ tham gia].6');
    expect(
      (await call('links.proposals')).some(
        (x) => x.from.tableId === danSo && x.from.columnCode === '6',
      ),
    ).toBe(false);
    const cross = (await call('document.check')).filter((f) => f.kind === 'cross-table');
    expect(cross).toHaveLength(1);
    expect(cross[0]).toMatchObject({ severity: 'error', actual: 1329, expected: 1239 });
    expect(cross[0].suggestion).toMatchObject({ value: 1239 });
    expect(await cliFindings()).toEqual((await call('document.check')).map(key).sort());

    const link = (await call('rules.list', { tableId: cdht })).find((r) => r.origin === 'link')!;
    expect(link).toMatchObject({
      text: '[CDHT theo nhóm].9 = [Dân số và tỷ lệ tham gia].6',
      removable: true,
      problem: null,
    });

    await call('edit.undo');
    expect((await call('document.check')).some((f) => f.kind === 'cross-table')).toBe(false);
    expect((await call('links.proposals')).some((x) => x.from.tableId === danSo)).toBe(true);
    await call('edit.redo');
    expect((await call('document.check')).some((f) => f.kind === 'cross-table')).toBe(true);

    // A link whose column is removed is reported, not dropped.
    const table = await call('table.get', { tableId: cdht });
    await call('column.remove', { tableId: cdht, columnIds: [table.columns[10].id] });
    const broken = (await call('rules.list', { tableId: danSo })).find((r) => r.origin === 'link')!;
    expect(broken.problem).toMatch(/^Cột số \d+ của biểu «CDHT theo nhóm» đã bị xóa\.$/);
    expect((await call('document.check')).some((f) => f.kind === 'cross-table')).toBe(true);
    await call('edit.undo');

    const id = Number(link.id.slice('link:'.length));
    await call('links.remove', { id });
    expect((await call('links.proposals')).some((x) => x.from.tableId === danSo)).toBe(true);
  });

  it('does not propose a dismissed link again, and keeps it across reopening', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    const [p] = (await call('links.proposals')).filter((x) => x.from.tableId === danSo);
    await call('links.dismiss', { proposal: p });
    const [entry] = await call('history.list', {});
    expect(entry.label).toMatch(/^Bỏ qua đề xuất liên kết /);
    const file = (await call('document.current'))!.path;
    await call('document.open', { path: file });
    expect(
      (await call('links.proposals')).some(
        (x) => x.to.tableId === p.to.tableId && x.to.columnId === p.to.columnId,
      ),
    ).toBe(false);
    expect((await call('document.check')).some((f) => f.kind === 'cross-table')).toBe(false);
    // Accepting it later turns the dismissal into a link.
    await call('links.accept', { proposal: p });
    expect((await call('document.check')).some((f) => f.kind === 'cross-table')).toBe(true);
  });

  it('going back in the history undoes rules as one action', async () => {
    const danSo = await tableId('Dân số và tỷ lệ tham gia');
    const start = (await call('history.list', {}))[0]?.batchId ?? 0;
    const [p] = (await call('links.proposals')).filter((x) => x.from.tableId === danSo);
    await call('links.accept', { proposal: p });
    await call('rules.addUser', { tableId: danSo, text: '6 <= 2' });
    await call('rules.setEnabled', { ruleId: `${danSo}/code-row:7`, enabled: false });
    await call('history.revertTo', { batchId: start });
    const kinds = (await call('document.check')).map((f) => f.kind).sort();
    expect(kinds).toEqual(['column-total', 'ratio']);
    await call('edit.undo');
    expect((await call('document.check')).some((f) => f.kind === 'cross-table')).toBe(true);
  });
});
