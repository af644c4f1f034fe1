import type { PageModule } from '../render/report/html/page-data.js';
import { busFactorColour, inkOn, LEGEND } from './colours.js';
import { h, svg } from './dom.js';
import type { ModuleFigures } from './figures.js';
import { squarify, type Rect } from './treemap-layout.js';

const WIDTH = 1000;
const HEIGHT = 560;
/** Tiles drawn at most per level; the smaller rest is one grey tile. */
const MAX_TILES = 60;
/** A top-level tile's name strip above the folders drawn inside it. */
const STRIP = 18;

export type ColourBy = 'busFactor' | 'activeBusFactor';

interface Tile {
  readonly module: PageModule;
  readonly index: number;
  readonly box: SVGRectElement;
  readonly title: SVGTitleElement;
  readonly label: SVGTextElement | undefined;
}

/**
 * The treemap of the top-level modules, sized by files and coloured by bus factor, with each
 * top-level folder's own folders (depth 2) drawn inside its tile: drawn once, recoloured (not laid
 * out again) when people are ticked, since sizes do not change.
 */
export function createTreemap(container: HTMLElement, modules: readonly PageModule[]): { update(figures: readonly ModuleFigures[], colourBy: ColourBy): void } {
  const entries = modules.map((module, index) => ({ module, index }));
  const children = new Map<number, { module: PageModule; index: number }[]>();
  for (const entry of entries) {
    if (entry.module.parent === undefined) continue;
    const list = children.get(entry.module.parent) ?? [];
    list.push(entry);
    children.set(entry.module.parent, list);
  }
  const image = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': 'treemap-caption', class: 'treemap' });
  const tiles: Tile[] = [];
  const top = entries.filter(({ module }) => module.top);
  layOut(top, { x: 0, y: 0, width: WIDTH, height: HEIGHT }, 0);
  if (top.length === 0) container.append(h('p', { class: 'empty' }, 'No top-level modules to draw: the analysis found none with enough files (see the method section).'));
  else container.append(image, legend());

  /** Squarifies `level` into `area`; top-level tiles with folders inside get those drawn in them. */
  function layOut(level: readonly { module: PageModule; index: number }[], area: Rect, depth: number): void {
    const sorted = [...level].sort((a, b) => b.module.files.length - a.module.files.length || (a.module.name < b.module.name ? -1 : 1));
    const shown = sorted.slice(0, MAX_TILES);
    const rest = sorted.slice(MAX_TILES);
    const restFiles = rest.reduce((sum, { module }) => sum + module.files.length, 0);
    const rects = squarify([...shown.map(({ module }) => module.files.length), ...(restFiles > 0 ? [restFiles] : [])], area);
    shown.forEach((entry, i) => {
      const rect = rects[i] as Rect;
      const inside = depth === 0 ? (children.get(entry.index) ?? []) : [];
      const nested = inside.length > 0 && rect.height > STRIP * 3 && rect.width > 60;
      tiles.push(drawTile(entry, rect, nested));
      if (nested) {
        const inner = { x: rect.x + 2, y: rect.y + STRIP, width: rect.width - 4, height: rect.height - STRIP - 2 };
        const own = entry.module.files.length - inside.reduce((sum, child) => sum + child.module.files.length, 0);
        // Files of the folder in none of its subfolders keep the folder's own colour: no tile of their own.
        const area = own > 0 ? squarify([entry.module.files.length - own, own], inner)[0] : inner;
        if (area) layOut(inside, area, depth + 1);
      }
    });
    if (restFiles > 0) {
      const rect = rects[rects.length - 1] as Rect;
      image.append(svg('g', {}, svg('rect', { x: rect.x, y: rect.y, width: rect.width, height: rect.height, class: 'tile rest', fill: '#9ca3af' }), svg('title', {}, `${rest.length} smaller modules, ${restFiles} files`)));
    }
  }

  function drawTile(entry: { module: PageModule; index: number }, rect: Rect, nested: boolean): Tile {
    const title = svg('title');
    const box = svg('rect', { x: rect.x, y: rect.y, width: rect.width, height: rect.height, class: nested ? 'tile parent' : 'tile', 'data-module': entry.module.id });
    const group = svg('g', {}, box, title);
    const label = tileLabel(rect, entry.module.name, nested);
    if (label) group.append(label);
    image.append(group);
    return { ...entry, box, title, label };
  }

  return {
    update(figures, colourBy) {
      for (const tile of tiles) {
        const figure = figures[tile.index];
        if (!figure) continue;
        const value = figure[colourBy];
        tile.box.setAttribute('fill', busFactorColour(value));
        tile.label?.setAttribute('fill', inkOn(value));
        const line = tile.label?.childNodes[1];
        if (line) line.textContent = `BF ${figure.busFactor} · active ${figure.activeBusFactor}`;
        tile.title.textContent = `${tile.module.name}: ${figure.files} files, bus factor ${figure.busFactor}, active ${figure.activeBusFactor}, ${figure.lostFiles} lost`;
      }
    },
  };
}

/** The module's name (and, without folders inside, its figures) in its tile, when the tile is big enough. */
function tileLabel(rect: Rect, name: string, nested: boolean): SVGTextElement | undefined {
  if (rect.width < 60 || rect.height < (nested ? STRIP : 34)) return undefined;
  const fit = Math.max(4, Math.floor(rect.width / 8));
  const shown = name.length > fit ? `${name.slice(0, fit - 1)}…` : name;
  const text = svg('text', { x: rect.x + 5, y: rect.y + 14, class: 'tile-label' }, svg('tspan', { 'font-weight': 'bold' }, shown));
  if (!nested) text.append(svg('tspan', { x: rect.x + 5, dy: 15 }, ''));
  return text;
}

function legend(): HTMLElement {
  return h('p', { class: 'legend' }, 'Bus factor: ', ...LEGEND.map(({ label, busFactor }) => h('span', { class: 'swatch', 'data-bf': String(busFactor) }, label)));
}
