/**
 * A yes/no choice of a dialog: the box and its words in one label, so a click on the words ticks
 * the box too and a screen reader reads them as the box's name.
 */
import type { ReactNode } from 'react';

export function CheckboxField({
  className,
  checked,
  onChange,
  children,
}: {
  className: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {children}
    </label>
  );
}
