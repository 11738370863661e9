/**
 * Vietnamese typing with an input method (Telex, VNI): the first keys of a word are a
 * composition, and they start before any editor is open. Typing "Lộc Hòa" into a cell that is
 * NOT in edit mode must give exactly "Lộc Hòa" — the first composed characters not lost, not
 * doubled. Chromium's own IME path is driven through the DevTools protocol
 * (Input.imeSetComposition / Input.insertText, what an input method does), and once more with
 * synthetic CompositionEvents and InputEvents.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import { COL, cellAt, cellInput, expectFocused, expectSaved } from './workbench';

/** Telex: "L o o j c" composes L → Lo → Lô → Lộ → Lộc; "H o a f" composes H → Ho → Hoa → Hòa. */
const LOC = ['L', 'Lo', 'Lô', 'Lộ', 'Lộc'];
const HOA = ['H', 'Ho', 'Hoa', 'Hòa'];

/**
 * Let the browser learn which element now takes text: the DevTools protocol sends compositions
 * to the element the browser process believes is focused, which it hears of a frame later.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

async function composeWithCdp(page: Page, steps: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }
  await cdp.send('Input.insertText', { text: steps[steps.length - 1] });
  await cdp.detach();
}

test('an input method composing "Lộc Hòa" into a cell not yet in edit mode gives exactly "Lộc Hòa"', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const target = cellAt(page, 3, COL.name);
  await target.click();
  await expectFocused(page, 3, COL.name);
  await expect(cellInput(page)).toHaveAttribute('data-cell-input', 'idle');
  await settled(page);
  // The element that will receive the composition, remembered to check it is never replaced.
  await cellInput(page).evaluate(
    (el) => ((el as HTMLInputElement & { marked?: boolean }).marked = true),
  );

  // The first composition step starts the editor — in the same element, with the "L" kept.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'L', selectionStart: 1, selectionEnd: 1 });
  await expect(cellInput(page)).toHaveAttribute('data-cell-input', 'typing');
  await expect(cellInput(page)).toHaveValue('L');
  await cdp.detach();

  await composeWithCdp(page, LOC);
  await page.keyboard.type(' ');
  await composeWithCdp(page, HOA);
  await expect(cellInput(page)).toHaveValue('Lộc Hòa');
  expect(
    await cellInput(page).evaluate((el) => (el as HTMLInputElement & { marked?: boolean }).marked),
  ).toBe(true);
  await page.keyboard.press('Enter');

  await expect(target).toHaveText('Lộc Hòa');
  expect((await target.textContent())!.trim()).toBe('Lộc Hòa'.normalize('NFC'));
  await expectFocused(page, 4, COL.name);
  await expectSaved(page);

  // A figure column too: the composition of a unit name typed by mistake is kept as text.
  await cellAt(page, 5, COL.under7).click();
  await expectFocused(page, 5, COL.under7);
  await settled(page);
  await composeWithCdp(page, ['k', 'kh', 'kho', 'khoa', 'khoả', 'khoản', 'khoảng']);
  await page.keyboard.type(' 150');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 5, COL.under7)).toHaveText('khoảng 150');
  await expect(cellAt(page, 5, COL.under7).locator('[data-finding="error"]')).toBeVisible();
});

test('synthetic composition events on a cell not in edit mode start the editor without losing a character', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const target = cellAt(page, 6, COL.name);
  await target.click();
  await expectFocused(page, 6, COL.name);

  // What a browser does for an input method: compositionstart, then for each step the field's
  // text changes and an `input` event says so; compositionend and a final input commit it.
  const compose = (prefix: string, steps: string[], start: boolean, end: boolean) =>
    page.evaluate(
      ({ prefix, steps, start, end }) => {
        const field = document.activeElement as HTMLInputElement;
        if (start)
          field.dispatchEvent(
            new CompositionEvent('compositionstart', { bubbles: true, data: '' }),
          );
        for (const step of steps) {
          field.value = prefix + step;
          field.dispatchEvent(
            new CompositionEvent('compositionupdate', { bubbles: true, data: step }),
          );
          field.dispatchEvent(
            new InputEvent('input', {
              bubbles: true,
              data: step,
              inputType: 'insertCompositionText',
              isComposing: true,
            }),
          );
        }
        if (!end) return field.value;
        const last = steps[steps.length - 1];
        field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: last }));
        field.dispatchEvent(
          new InputEvent('input', { bubbles: true, data: last, inputType: 'insertText' }),
        );
        return field.value;
      },
      { prefix, steps, start, end },
    );

  // The first step opens the editor, in the same element, with the "L" kept.
  expect(await compose('', LOC.slice(0, 1), true, false)).toBe('L');
  await expect(cellInput(page)).toHaveAttribute('data-cell-input', 'typing');
  await expect(cellInput(page)).toHaveValue('L');
  expect(await compose('', LOC.slice(1), false, true)).toBe('Lộc');
  await page.keyboard.type(' ');
  expect(await compose('Lộc ', HOA, true, true)).toBe('Lộc Hòa');
  await expect(cellInput(page)).toHaveAttribute('data-cell-input', 'typing');
  await page.keyboard.press('Enter');
  await expect(target).toHaveText('Lộc Hòa');
  await expectSaved(page);
});
