import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  formatFormula,
  formulaCodes,
  hasDivision,
  linearForm,
  parseCodeRowEntry,
  parseFormula,
  type FormulaNode,
} from '../../shared/checks/formula';

const code = (c: string): FormulaNode => ({ type: 'code', code: c });
const k = (value: number): FormulaNode => ({ type: 'constant', value });
const bin = (op: '+' | '-' | '*' | '/', left: FormulaNode, right: FormulaNode): FormulaNode => ({
  type: 'binary',
  op,
  left,
  right,
});
const sum = (...codes: string[]): FormulaNode =>
  codes.slice(1).reduce<FormulaNode>((acc, c) => bin('+', acc, code(c)), code(codes[0]));

function ast(text: string, codes?: string[]): FormulaNode {
  const r = parseFormula(text, codes ? { codes } : {});
  if (!r.ok) throw new Error(r.error.message);
  return r.ast;
}

function error(text: string, codes?: string[]) {
  const r = parseFormula(text, codes ? { codes } : {});
  if (r.ok) throw new Error(`parsed: ${JSON.stringify(r.ast)}`);
  return r.error;
}

const valuesOf = (values: Record<string, number>) => (c: string) => values[c] ?? 0;

describe('parseCodeRowEntry', () => {
  it('splits the code from its formula', () => {
    expect(parseCodeRowEntry('1=2+3+4+5')).toEqual({
      ok: true,
      code: '1',
      formula: sum('2', '3', '4', '5'),
      text: '2+3+4+5',
    });
  });
  it('reads the notations of real reports', () => {
    const cases: [string, string, FormulaNode, string][] = [
      ['7=6/3*100', '7', bin('*', bin('/', code('6'), code('3')), k(100)), '6/3*100'],
      ['(3)=(1)-(2)', '3', bin('-', code('1'), code('2')), '(1)-(2)'],
      ['5=6+7', '5', sum('6', '7'), '6+7'],
      [' 1 = 2 + 3 ', '1', sum('2', '3'), '2 + 3'],
      ['(1) = (2)+(3)+(4)+(5)', '1', sum('2', '3', '4', '5'), '(2)+(3)+(4)+(5)'],
      ['9=1+2+...+8', '9', sum('1', '2', '3', '4', '5', '6', '7', '8'), '1+2+...+8'],
      ['9=1+…+8', '9', sum('1', '2', '3', '4', '5', '6', '7', '8'), '1+…+8'],
      ['4=3:2x100', '4', bin('*', bin('/', code('3'), code('2')), k(100)), '3:2x100'],
      ['4=3÷2×100', '4', bin('*', bin('/', code('3'), code('2')), k(100)), '3÷2×100'],
      ['3=1\u22122', '3', bin('-', code('1'), code('2')), '1\u22122'],
      ['3=1\u20132', '3', bin('-', code('1'), code('2')), '1\u20132'],
      ['6=[1+2]*1,5', '6', bin('*', sum('1', '2'), k(1.5)), '[1+2]*1,5'],
      [
        '6=(1+2)/(3-4)*100',
        '6',
        bin('*', bin('/', sum('1', '2'), bin('-', code('3'), code('4'))), k(100)),
        '(1+2)/(3-4)*100',
      ],
      ['5=-2+3', '5', bin('+', { type: 'negate', operand: code('2') }, code('3')), '-2+3'],
    ];
    for (const [entry, c, formula, text] of cases) {
      expect(parseCodeRowEntry(entry), entry).toEqual({ ok: true, code: c, formula, text });
    }
  });
  it('reads an entry without a formula', () => {
    expect(parseCodeRowEntry('2')).toEqual({ ok: true, code: '2', formula: null, text: null });
    expect(parseCodeRowEntry('(4)')).toEqual({ ok: true, code: '4', formula: null, text: null });
    expect(parseCodeRowEntry('A')).toEqual({ ok: true, code: 'A', formula: null, text: null });
  });
  it('says in Vietnamese what is wrong', () => {
    const fail = (entry: string) => {
      const r = parseCodeRowEntry(entry);
      if (r.ok) throw new Error(`parsed ${entry}`);
      return r.error;
    };
    expect(fail('=2+3').message).toBe('Thiếu mã cột trước dấu «=»');
    expect(fail('1=').message).toBe('Thiếu công thức sau dấu «=» của cột 1');
    expect(fail('1=1+2').message).toBe('Cột 1 không thể tính từ chính nó');
    expect(fail('1=2+').message).toMatch(/thiếu số hạng/);
    expect(fail('1=2+3=4').message).toMatch(/Dấu «=» chỉ được viết một lần/);
    expect(fail('').message).toBe('Mã cột trống');
    // Positions count from the start of the whole entry.
    expect(fail('1=2+?').position).toBe(5);
  });
});

describe('parseFormula', () => {
  it('keeps precedence and left associativity', () => {
    expect(ast('1-2-3')).toEqual(bin('-', bin('-', code('1'), code('2')), code('3')));
    expect(ast('1+2*3')).toEqual(bin('+', code('1'), bin('*', code('2'), code('3'))));
    expect(ast('1/2/3')).toEqual(bin('/', bin('/', code('1'), code('2')), code('3')));
  });
  it('tells codes from constants without the table: integers from 100 are constants', () => {
    expect(ast('6/3*100')).toEqual(bin('*', bin('/', code('6'), code('3')), k(100)));
    expect(ast('2*1,5')).toEqual(bin('*', code('2'), k(1.5)));
    expect(ast('2*1.5')).toEqual(bin('*', code('2'), k(1.5)));
  });
  it('tells codes from constants with the table codes', () => {
    const codes = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    expect(ast('2*12', codes)).toEqual(bin('*', code('2'), k(12)));
    expect(ast('(2)+(3)', codes)).toEqual(sum('2', '3'));
    expect(error('2+33', codes).message).toBe('Mã cột «33» không có trong biểu (vị trí 3)');
    expect(error('(12)*2', codes).message).toBe('Mã cột «12» không có trong biểu (vị trí 2)');
    expect(error('1+...+12', codes).message).toMatch(/Mã cột «1[0-2]» không có trong biểu/);
  });
  it('reports errors with positions', () => {
    expect(error('')).toEqual({ message: 'Công thức trống', position: 0 });
    expect(error('   ')).toEqual({ message: 'Công thức trống', position: 0 });
    expect(error('2+')).toEqual({
      message: 'Công thức thiếu số hạng ở cuối (vị trí 3)',
      position: 3,
    });
    expect(error('2++3').message).toBe('Thiếu số hạng trước dấu «+» (vị trí 3)');
    expect(error('(2+3').message).toBe('Thiếu dấu đóng ngoặc «)» cho dấu mở ngoặc ở vị trí 1');
    expect(error('2+3)').message).toBe('Dấu đóng ngoặc «)» thừa (vị trí 4)');
    expect(error('(2+3]').message).toMatch(/phải đóng bằng «\)»/);
    expect(error('2 3').message).toBe('Thiếu phép tính trước «3» (vị trí 3)');
    expect(error('2+a').message).toBe('Ký tự «a» không dùng được trong công thức (vị trí 3)');
    expect(error('2+...').message).toMatch(/Dấu «...» phải nằm giữa hai mã cột/);
    expect(error('5+...+2').message).toMatch(/Dấu «...» phải nằm giữa hai mã cột/);
    expect(error('2-...+5').message).toMatch(/Dấu «...»/);
    expect(error('()').message).toMatch(/không đúng chỗ/);
    expect(error('2*-3').message).toBe('Thiếu số hạng trước dấu «-» (vị trí 3)');
    expect(error('+2').message).toBe('Thiếu số hạng trước dấu «+» (vị trí 1)');
  });
});

describe('what a formula says', () => {
  it('lists codes once, in order', () => {
    expect(formulaCodes(ast('5/4*100'))).toEqual(['5', '4']);
    expect(formulaCodes(ast('2+3-2'))).toEqual(['2', '3']);
  });
  it('knows a ratio', () => {
    expect(hasDivision(ast('5/4*100'))).toBe(true);
    expect(hasDivision(ast('5:4'))).toBe(true);
    expect(hasDivision(ast('2+3'))).toBe(false);
  });
  it('evaluates, with null for a division by zero', () => {
    expect(evaluateFormula(ast('2+3+4+5'), valuesOf({ 2: 1456, 3: 7958, 4: 1021, 5: 16 }))).toBe(
      10451,
    );
    expect(evaluateFormula(ast('6/3*100'), valuesOf({ 6: 1329, 3: 7958 }))).toBeCloseTo(
      16.700176,
      6,
    );
    expect(evaluateFormula(ast('5/4*100'), valuesOf({ 5: 3, 4: 0 }))).toBeNull();
    expect(evaluateFormula(ast('-2+3'), valuesOf({ 2: 5, 3: 1 }))).toBe(-4);
  });
  it('gives the linear form of sums and differences, not of products of codes', () => {
    const f = linearForm(ast('(1)-(2)+(3)*100+100'))!;
    expect(Object.fromEntries(f.coefficients)).toEqual({ 1: 1, 2: -1, 3: 100 });
    expect(f.constant).toBe(100);
    expect(Object.fromEntries(linearForm(ast('2+3-2'))!.coefficients)).toEqual({ 2: 0, 3: 1 });
    expect(linearForm(ast('2*3'))).toBeNull();
    expect(linearForm(ast('5/4*100'))).toBeNull();
    expect(Object.fromEntries(linearForm(ast('((2)+(3))/1000'))!.coefficients)).toEqual({
      2: 0.001,
      3: 0.001,
    });
  });
  it('writes formulas back for messages', () => {
    expect(formatFormula(ast('2+3+4+5'))).toBe('(2)+(3)+(4)+(5)');
    expect(formatFormula(ast('5/4*100'), 'plain')).toBe('5/4×100');
    expect(formatFormula(ast('1-(2-3)'))).toBe('(1)\u2212((2)\u2212(3))');
    expect(formatFormula(ast('(1+2)*1,5'), 'plain')).toBe('(1+2)×1,5');
    expect(formatFormula(ast('(1+2)/(3-4)*100'), 'plain')).toBe('(1+2)/(3\u22124)×100');
  });
});
