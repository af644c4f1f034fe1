import { compareText } from '../compare-text.js';

/** What the risk order reads of a module: the report's modules, and the HTML page's what-if rows. */
export interface RiskFigures {
  readonly activeBusFactor: number;
  readonly busFactor: number;
  readonly files: number;
  readonly name: string;
}

/** Riskiest first: active bus factor ascending, then bus factor, then larger modules, then name. */
export function byRisk(a: RiskFigures, b: RiskFigures): number {
  return a.activeBusFactor - b.activeBusFactor || a.busFactor - b.busFactor || b.files - a.files || compareText(a.name, b.name);
}
