import { percent } from '../format.js';
import { byRisk } from '../report/by-risk.js';
import type { PageData, PageModule, PagePerson } from '../render/report/html/page-data.js';
import { drawCurve, drawTrend } from './charts.js';
import { createTable, type Column } from './data-table.js';
import { byId, fill, h } from './dom.js';
import { createScorer, type Figures } from './figures.js';
import { drawSummary, personStatus } from './summary.js';
import { createTreemap, type ColourBy } from './treemap.js';

/**
 * The HTML report's script (bundled by esbuild at build time into the page, docs/report.md): reads
 * the embedded data, scores it with the CLI's code, draws the summary, treemap, curves and tables,
 * and redraws them whenever people are ticked as leaving: the offline what-if.
 */
function start(): void {
  const data = JSON.parse(byId('busfactor-data').textContent ?? '{}') as PageData;
  const scorer = createScorer(data);
  const before = scorer.figures(new Set());
  const leaving = new Set<number>(data.leaving);
  let figures: Figures = leaving.size > 0 ? scorer.figures(leaving) : before;
  let colourBy: ColourBy = 'busFactor';
  const nameOf = (person: number): string => data.people[person]?.name || data.people[person]?.email || data.people[person]?.id || '';

  // Files in no top-level folder get a tile of their own, so the treemap covers every file.
  const loose: PageModule = { id: 'top-level-files', kind: 'directory', name: '(top-level files)', files: data.looseFiles, top: true, orphanFiles: 0, successors: [] };
  const tiled = data.looseFiles.length > 0 ? [...data.modules, loose] : data.modules;
  const treemapFigures = () => (data.looseFiles.length > 0 ? [...figures.modules, figures.loose] : figures.modules);
  const treemap = createTreemap(byId('treemap'), tiled);
  const colourSelect = byId<HTMLSelectElement>('colour-by');
  colourSelect.addEventListener('change', () => {
    colourBy = colourSelect.value === 'activeBusFactor' ? 'activeBusFactor' : 'busFactor';
    treemap.update(treemapFigures(), colourBy);
  });
  if (data.trend) drawTrend(byId('trend'), data.trend);
  else byId('trend-section').hidden = true;

  const lines = data.lineOwners !== undefined;
  const linesOf = new Map((data.lineOwners ?? []).map((owner) => [owner.person, owner]));
  const moduleRows = data.modules.map((module, index) => ({ module, index }));
  const bf = (now: number, was: number) => (now === was ? [String(now)] : [h('del', {}, String(was)), ' ', String(now)]);
  const moduleColumns: Column<{ module: PageModule; index: number }>[] = [
    { label: 'Module', sortKey: ({ module }) => module.name, fill: ({ module }, cell) => cell.append(module.name, ' ', h('small', {}, module.kind)) },
    { label: 'Files', numeric: true, sortKey: ({ module }) => module.files.length, fill: ({ module }, cell) => cell.append(String(module.files.length)) },
    { label: 'Bus factor', numeric: true, sortKey: ({ index }) => figures.modules[index]?.busFactor ?? 0, fill: ({ index }, cell) => cellBf(cell, figures.modules[index]?.busFactor ?? 0, before.modules[index]?.busFactor ?? 0) },
    { label: 'Active', numeric: true, sortKey: ({ index }) => figures.modules[index]?.activeBusFactor ?? 0, fill: ({ index }, cell) => cellBf(cell, figures.modules[index]?.activeBusFactor ?? 0, before.modules[index]?.activeBusFactor ?? 0) },
    { label: 'Lost files', numeric: true, sortKey: ({ index }) => figures.modules[index]?.lostFiles ?? 0, fill: ({ index }, cell) => cell.append(...bf(figures.modules[index]?.lostFiles ?? 0, before.modules[index]?.lostFiles ?? 0)) },
    { label: 'Key people (active)', sortKey: ({ index }) => (figures.modules[index]?.activeKeyPeople ?? []).map((p) => p.name).join(', '), fill: ({ index }, cell) => cell.append((figures.modules[index]?.activeKeyPeople ?? []).map((p) => `${p.name || p.email} (${percent(p.share)})`).join(', ') || '—') },
    { label: 'Could take over', sortKey: ({ module }) => module.successors.length, fill: ({ module }, cell) => successorsCell(cell, module) },
    ...(lines
      ? [
          { label: 'Lines', numeric: true, sortKey: ({ module }: { module: PageModule }) => module.lines ?? 0, fill: ({ module }: { module: PageModule }, cell: HTMLTableCellElement) => cell.append(module.lines === undefined ? '—' : String(module.lines)) },
          {
            label: 'Top line owner',
            sortKey: ({ module }: { module: PageModule }) => module.topLineOwner?.share ?? 0,
            fill: ({ module }: { module: PageModule }, cell: HTMLTableCellElement) => cell.append(module.topLineOwner ? `${nameOf(module.topLineOwner.person)} (${percent(module.topLineOwner.share)})` : '—'),
          },
        ]
      : []),
  ];
  function riskOf(index: number, module: PageModule) {
    const figure = figures.modules[index];
    return { activeBusFactor: figure?.activeBusFactor ?? 0, busFactor: figure?.busFactor ?? 0, files: module.files.length, name: module.name };
  }
  function cellBf(cell: HTMLTableCellElement, now: number, was: number): void {
    cell.append(...bf(now, was));
    cell.dataset.bf = String(Math.min(now, 4));
  }
  function successorsCell(cell: HTMLTableCellElement, module: PageModule): void {
    if (module.successors.length === 0) return void cell.append('—');
    module.successors.forEach((successor, i) => {
      if (i > 0) cell.append(', ');
      const text = `${nameOf(successor.person)} (${percent(successor.knowledge)})`;
      cell.append(leaving.has(successor.person) ? h('del', {}, text) : text);
    });
  }
  const modulesTable = createTable(byId('modules'), { id: 'modules-table', caption: 'Modules, riskiest first', rows: moduleRows, columns: moduleColumns,
    sortBy: -1,
    descending: false,
    printRows: 100,
    defaultOrder: (a, b) => byRisk(riskOf(a.index, a.module), riskOf(b.index, b.module)),
  });

  const personRows = data.people.map((person, index) => ({ person, index }));
  const peopleColumns: Column<{ person: PagePerson; index: number }>[] = [
    {
      label: 'Leaving',
      once: true,
      sortKey: ({ index }) => (leaving.has(index) ? 0 : 1),
      fill: ({ person, index }, cell) => {
        const box = h('input', { type: 'checkbox', 'data-person-id': person.id, 'aria-label': `${person.name || person.email} leaves` });
        box.checked = leaving.has(index);
        box.addEventListener('change', () => {
          if (box.checked) leaving.add(index);
          else leaving.delete(index);
          update();
        });
        cell.append(box);
      },
    },
    { label: 'Person', sortKey: ({ person }) => person.name.toLowerCase(), fill: ({ person }, cell) => cell.append(person.name || person.id, ' ', h('small', {}, person.email)) },
    { label: 'Commits', numeric: true, sortKey: ({ person }) => person.commits, fill: ({ person }, cell) => cell.append(String(person.commits)) },
    { label: 'Files authored', numeric: true, sortKey: ({ person }) => person.filesAuthored, fill: ({ person }, cell) => cell.append(String(person.filesAuthored)) },
    { label: 'Key in modules', numeric: true, sortKey: ({ index }) => figures.keyIn[index] ?? 0, fill: ({ index }, cell) => cell.append(String(figures.keyIn[index] ?? 0)) },
    ...(lines
      ? [{ label: 'Surviving lines', numeric: true, sortKey: ({ index }: { index: number }) => linesOf.get(index)?.lines ?? 0, fill: ({ index }: { index: number }, cell: HTMLTableCellElement) => cell.append(linesOf.has(index) ? `${linesOf.get(index)?.lines ?? 0} (${percent(linesOf.get(index)?.share ?? 0)})` : '0') }]
      : []),
    { label: 'Last active', sortKey: ({ person }) => person.lastActiveAt ?? '', fill: ({ person }, cell) => cell.append(person.lastActiveAt?.slice(0, 10) ?? 'undated') },
    { label: 'Status', sortKey: ({ index }) => personStatus(data, leaving, index), fill: ({ index }, cell) => cell.append(personStatus(data, leaving, index)) },
  ];
  const peopleTable = createTable(byId('people'), { id: 'people-table', caption: 'People, most files authored first', rows: personRows, columns: peopleColumns, sortBy: 3, descending: true, printRows: 60 });

  function banner(): void {
    const element = byId('whatif');
    if (leaving.size === 0) {
      fill(element, 'What if people leave? Tick them in the people table: every figure, the treemap and the tables follow.');
      element.classList.remove('active');
      return;
    }
    const clear = h('button', { type: 'button', id: 'whatif-clear' }, 'Clear');
    clear.addEventListener('click', () => {
      leaving.clear();
      for (const box of document.querySelectorAll<HTMLInputElement>('#people-table input[type=checkbox]')) box.checked = false;
      update();
    });
    fill(element, h('strong', {}, `What if ${[...leaving].map(nameOf).join(', ')} ${leaving.size === 1 ? 'leaves' : 'leave'}: `), `bus factor ${before.busFactor} → ${figures.busFactor}, active bus factor ${before.activeBusFactor} → ${figures.activeBusFactor}. `, clear);
    element.classList.add('active');
  }

  function update(): void {
    figures = leaving.size > 0 ? scorer.figures(leaving) : before;
    banner();
    drawSummary(byId('summary'), data, figures, before, leaving);
    treemap.update(treemapFigures(), colourBy);
    drawCurve(byId('curve'), figures.curve, figures.busFactor, nameOf);
    modulesTable.refresh();
    peopleTable.refresh();
  }
  update();
  // Paper shows every section whole: the collapsed lists (merged identities) open to print.
  window.addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  document.documentElement.dataset.ready = 'true';
}

try {
  start();
} catch (error) {
  const message = document.getElementById('script-error');
  if (message) {
    message.hidden = false;
    message.textContent = `The page could not draw its figures: ${error instanceof Error ? error.message : String(error)}`;
  }
  throw error;
}
