import { h } from './dom.js';

export interface Column<R> {
  readonly label: string;
  readonly numeric?: boolean;
  /** What the column sorts by. */
  readonly sortKey: (row: R) => number | string;
  /** Fills the row's cell (text nodes only, through dom.ts). */
  readonly fill: (row: R, cell: HTMLTableCellElement) => void;
  /** Filled once, not on every refresh (a checkbox: refilling would take its focus away). */
  readonly once?: boolean;
}

/**
 * A sortable, filterable table: rows are made once and their cells refilled on `refresh` (a
 * what-if), so a ticked checkbox keeps its focus. Clicking a header sorts by it (again: the other
 * way); the filter keeps rows whose text contains every word typed.
 */
/**
 * `printRows`: rows printed at most (the PDF of a repository with 2,000 people stays short);
 * `sortBy` −1 with `defaultOrder`: that order, redone on every refresh, until a header is clicked.
 */
export function createTable<R>(container: HTMLElement, options: { readonly id: string; readonly caption: string; readonly rows: readonly R[]; readonly columns: readonly Column<R>[]; readonly sortBy: number; readonly descending: boolean; readonly printRows: number; readonly defaultOrder?: (a: R, b: R) => number }) {
  const { columns, rows } = options;
  let sortBy = options.sortBy;
  let descending = options.descending;
  const filter = h('input', { type: 'search', placeholder: 'Filter…', 'aria-label': `Filter ${options.caption}`, class: 'filter' });
  const counter = h('span', { class: 'count' });
  const headers = columns.map((column, i) => {
    const button = h('button', { type: 'button' }, column.label);
    button.addEventListener('click', () => {
      descending = sortBy === i ? !descending : Boolean(column.numeric);
      sortBy = i;
      order();
    });
    return h('th', { scope: 'col', class: column.numeric ? 'num' : undefined }, button);
  });
  const body = h('tbody');
  const made = rows.map((row) => {
    const cells = columns.map((column) => h('td', { class: column.numeric ? 'num' : undefined }));
    return { row, element: h('tr', {}, ...cells), cells, keys: [] as (number | string)[], text: '', filled: false };
  });
  const printNote = rows.length > options.printRows ? h('span', { class: 'print-only' }, ` (the first ${options.printRows} of ${rows.length} rows; the HTML page has them all)`) : null;
  const table = h('table', { id: options.id }, h('caption', {}, options.caption, printNote), h('thead', {}, h('tr', {}, ...headers)), body);
  container.append(h('div', { class: 'table-tools' }, filter, counter), h('div', { class: 'table-scroll' }, table));
  filter.addEventListener('input', applyFilter);

  function order(): void {
    const sign = descending ? -1 : 1;
    // Until a header is clicked (sortBy −1), the caller's order: the modules' risk order.
    const defaultOrder = options.defaultOrder;
    const sorted = [...made].sort((a, b) => {
      if (sortBy < 0 && defaultOrder) return defaultOrder(a.row, b.row);
      const x = a.keys[sortBy] ?? '';
      const y = b.keys[sortBy] ?? '';
      return (x < y ? -1 : x > y ? 1 : 0) * sign;
    });
    headers.forEach((header, i) => {
      if (i === sortBy) header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else header.removeAttribute('aria-sort');
    });
    body.replaceChildren(...sorted.map((entry) => entry.element));
    // Paper gets the first rows in the order shown; the page keeps them all (report.css).
    sorted.forEach((entry, i) => entry.element.classList.toggle('print-cut', i >= options.printRows));
  }

  function applyFilter(): void {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const entry of made) {
      const keep = words.every((word) => entry.text.includes(word));
      entry.element.hidden = !keep;
      if (keep) shown += 1;
    }
    counter.textContent = shown === made.length ? `${made.length} rows` : `${shown} of ${made.length} rows`;
  }

  function refresh(): void {
    for (const entry of made) {
      columns.forEach((column, i) => {
        const cell = entry.cells[i] as HTMLTableCellElement;
        if (!column.once || !entry.filled) {
          cell.replaceChildren();
          column.fill(entry.row, cell);
        }
        entry.keys[i] = column.sortKey(entry.row);
      });
      entry.filled = true;
      entry.text = (entry.element.textContent ?? '').toLowerCase();
    }
    order();
    applyFilter();
  }

  return { refresh };
}
