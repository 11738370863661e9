/**
 * The formulas a workbook saved without results are parsed with Excel's precedence: "^" before
 * "* /" before "+ -" before "&" before comparisons, all left-associative ("-2^2" is 4, "2^3^2" is
 * 64); what the evaluator cannot take (another sheet, a name, an array) is refused so the cell
 * stays unevaluated. Computing the values is tested in
 * test/unit/electron/excel/evaluate/evaluate-sheet.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  FormulaUnsupported,
  parseFormula,
  type Node,
} from '../../../../../electron/excel/evaluate/formula-parser';

/** The tree written back with every operation in brackets: "((1+(2*3))&"x")". */
function shape(n: Node): string {
  switch (n.kind) {
    case 'number':
      return String(n.value);
    case 'text':
      return JSON.stringify(n.value);
    case 'bool':
      return String(n.value);
    case 'ref':
      return `R${n.row + 1}C${n.col + 1}`; // 0-based in the tree
    case 'range':
      return `R${n.top + 1}C${n.left + 1}:R${n.bottom + 1}C${n.right + 1}`;
    case 'unary':
      return n.op === '%' ? `(${shape(n.arg)}%)` : `(${n.op}${shape(n.arg)})`;
    case 'binary':
      return `(${shape(n.left)}${n.op}${shape(n.right)})`;
    case 'call':
      return `${n.name}(${n.args.map(shape).join(',')})`;
  }
}

describe('parseFormula', () => {
  it("follows Excel's precedence and left associativity", () => {
    expect(shape(parseFormula('=1+2*3-4'))).toBe('((1+(2*3))-4)');
    expect(shape(parseFormula('2^3^2'))).toBe('((2^3)^2)');
    expect(shape(parseFormula('-2^2'))).toBe('((-2)^2)');
    expect(shape(parseFormula('A1&"x"=B2+1'))).toBe('((R1C1&"x")=(R2C2+1))');
    expect(shape(parseFormula('50%*C3'))).toBe('((50%)*R3C3)');
  });

  it('reads references, ranges either way round, functions with , or ; and booleans', () => {
    expect(shape(parseFormula('SUM($D$8:B5; 1, TRUE)'))).toBe('SUM(R5C2:R8C4,1,true)');
    expect(shape(parseFormula('ROUND((C8/B8)*100,2)'))).toBe('ROUND(((R8C3/R8C2)*100),2)');
    expect(shape(parseFormula('IF(A1>=5,"lớn","")'))).toBe('IF((R1C1>=5),"lớn","")');
  });

  it('refuses what it cannot evaluate, and a formula cut short or left over', () => {
    for (const f of ["'Trang 2'!A1", 'Sheet2!A1', '{1,2}', 'SUM(A1:A3', '1+', '1 2', '[1]Biểu!A1'])
      expect(() => parseFormula(f), f).toThrow(FormulaUnsupported);
  });
});
