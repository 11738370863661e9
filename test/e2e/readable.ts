/** What a person can read of the grid: cells cut short, or covered by something else. */
import type { Page } from '@playwright/test';

/** Cells whose text is cut, as "row:col «text»". */
export async function cutCells(page: Page): Promise<string[]> {
  return page
    .getByTestId('grid')
    .locator('.bieu-cell-text')
    .evaluateAll((spans) =>
      spans
        .filter((s) => s.scrollWidth > s.clientWidth + 1)
        .map(
          (s) =>
            `${s.closest('[role="row"]')?.getAttribute('row-index')}:${s.closest('[role="gridcell"]')?.getAttribute('aria-colindex')} «${s.textContent}»`,
        ),
    );
}

/** Cells in view whose text's right end is covered by something else (a scrollbar, an edge). */
export async function coveredCells(page: Page): Promise<string[]> {
  return page
    .getByTestId('grid')
    .locator('[role="gridcell"] .bieu-cell-text')
    .evaluateAll((spans) =>
      spans.flatMap((s) => {
        if (!s.textContent) return [];
        const range = document.createRange();
        range.selectNodeContents(s);
        const box = range.getBoundingClientRect();
        const y = box.top + box.height / 2;
        const cell = s.closest('[role="gridcell"]');
        const at = (x: number) => {
          const hit = document.elementFromPoint(x, y);
          return { hit, inCell: !!hit && !!cell?.contains(hit) };
        };
        // A row scrolled out of view is hidden whole; what matters is a figure seen cut short.
        if (!at(box.left + 1).inCell) return [];
        const right = at(box.right - 1);
        return right.inCell ? [] : [`«${s.textContent}» under ${right.hit?.className}`];
      }),
    );
}
