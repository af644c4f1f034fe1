/**
 * What `s` cycles through; in the people view risk = impact, size = files authored; in the
 * stewardship view's people risk = events in the window (build: files authored), size = all history.
 */
export type SortOrder = 'risk' | 'size' | 'name';

export const SORT_ORDERS: readonly SortOrder[] = ['risk', 'size', 'name'];

export function nextSortOrder(order: SortOrder): SortOrder {
  return SORT_ORDERS[(SORT_ORDERS.indexOf(order) + 1) % SORT_ORDERS.length] as SortOrder;
}
