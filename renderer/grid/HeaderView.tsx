/**
 * A column's header: its label, wrapped as on paper, and in its corner the column's letter on the
 * exported sheet — the letters the findings use ("Ô I11" is in column I), as Excel shows them.
 * The letter is left out of the header's accessible name, which stays the column's label.
 */
import type { CustomHeaderProps } from 'ag-grid-react';
import type { GridRow } from './grid-row';

export interface HeaderViewParams {
  letter: string;
}

export function HeaderView(props: CustomHeaderProps<GridRow> & HeaderViewParams) {
  return (
    <div className="bieu-header-label">
      <span className="bieu-column-letter" aria-hidden="true" data-letter={props.letter}>
        {props.letter}
      </span>
      <span className="ag-header-cell-text">{props.displayName}</span>
    </div>
  );
}
