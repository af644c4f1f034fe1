import { useRef } from 'react';
import { scrollTop } from '../model/layout.js';

/** The first visible row of a scrolling list, remembered between frames so the view only moves when the cursor leaves it. */
export function useScrollTop(cursor: number, height: number, count: number): number {
  const top = useRef(0);
  top.current = scrollTop(top.current, cursor, height, count);
  return top.current;
}
