import { createContext } from 'react';

/**
 * Styling for the explorer. With colour off (`--no-color`, `NO_COLOR`) nothing is styled at
 * all, not even bold or inverse: the screen is plain text, and every meaning carried by colour is
 * also in the text (`1!`, `›`, `[x]`).
 */
export interface Theme {
  readonly color: boolean;
}

export const ThemeContext = createContext<Theme>({ color: true });
