import { useContext } from 'react';
import { ThemeContext, type Theme } from '../theme.js';

/** The explorer's styling: `color` false means plain text, not even bold or reversed video. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
