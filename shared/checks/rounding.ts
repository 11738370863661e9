/**
 * Rounding on the hot paths of the checks (a rate that fails, a candidate value in the suggestion
 * search): the same result as `roundDecimal` of shared/numbers.ts, which rounds the decimal digits
 * a person typed (1,005 → 1,01), without building strings in the common case.
 *
 * Away from a half, rounding the binary value and rounding its shortest decimal digits agree, and
 * an integer divided by a power of ten is exactly the double the decimal text would parse to (the
 * division is correctly rounded). Only values near a half, or too large for that argument, take
 * the string path.
 */
import { roundDecimal } from '../numbers';

const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Below this a scaled value's binary error stays far under the margin kept from a half. */
const SCALED_LIMIT = 1e9;
const HALF_MARGIN = 1e-6;

/** `value` rounded half away from zero at `decimals`, as roundDecimal does. */
export function roundTo(value: number, decimals: number): number {
  if (Number.isFinite(value) && decimals >= 0 && decimals < POWERS.length && decimals % 1 === 0) {
    const scale = POWERS[decimals];
    const scaled = Math.abs(value) * scale;
    if (scaled < SCALED_LIMIT) {
      const floor = Math.floor(scaled);
      const fraction = scaled - floor;
      if (Math.abs(fraction - 0.5) > HALF_MARGIN) {
        const rounded = (fraction > 0.5 ? floor + 1 : floor) / scale;
        return value < 0 && rounded !== 0 ? -rounded : rounded;
      }
    }
  }
  return roundDecimal(value, decimals);
}
