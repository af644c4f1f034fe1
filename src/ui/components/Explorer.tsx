import { Box } from 'ink';
import { useMemo, useState } from 'react';
import { STEWARDSHIP_KINDS, type Report } from '../../report/report.js';
import { useExplorerKeys } from '../hooks/use-explorer-keys.js';
import { createExplorerModel } from '../model/explorer-model.js';
import { cursorOf, initialState, type ExplorerState } from '../model/explorer-state.js';
import type { KeyContext } from '../model/handle-key.js';
import { activityColumns, moduleColumns, peopleColumns, screenLayout, stewardshipLayout, type ScreenLayout } from '../model/layout.js';
import { allLost, lostCount } from '../model/lost-files.js';
import type { TrendSeries } from '../model/trend-line.js';
import { DetailPane, detailListHeight } from './DetailPane.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ModuleTable } from './ModuleTable.js';
import { PeopleTable } from './PeopleTable.js';
import { StatusLine } from './StatusLine.js';
import { StewardPane, stewardListHeight } from './StewardPane.js';
import { StewardshipTable } from './StewardshipTable.js';
import { TooSmall } from './TooSmall.js';

export interface Props {
  readonly report: Report;
  readonly columns: number;
  readonly rows: number;
  /** The repository's bus factor over time, when it has been computed (after the first frame). */
  readonly trend?: TrendSeries;
  /** q or Ctrl-C. */
  readonly onQuit: () => void;
}

/** The report, explored: module tree and detail pane, the people view, or who runs the project; what-if on all. */
export function Explorer({ report, columns, rows, trend, onQuit }: Props) {
  const explorer = useMemo(() => createExplorerModel(report), [report]);
  const [state, setState] = useState(() => initialState(explorer.kinds[0], withoutMarks(report)));
  const model = useMemo(() => explorer.view(state), [explorer, state]);
  const layout = screenLayout(columns, rows);
  const detailCursor = cursorOf(model.detail, (person) => person.index === state.detailPerson);
  const peopleCursor = cursorOf(model.people, (row) => row.index === state.selectedPerson);
  const stewardCursor = cursorOf(model.stewardship.stewards, (row) => row.index === state.stewardPerson);
  const keyContext = (next: ExplorerState): KeyContext => {
    const view = next === state ? model : explorer.view(next);
    return { rows: view.rows, people: view.people, detail: view.detail, page: pageSize(next, layout), kinds: explorer.kinds, stewards: view.stewardship.stewards };
  };
  useExplorerKeys(state, setState, keyContext, onQuit);

  if (!layout) return <TooSmall columns={columns} rows={rows} />;
  const leavingIds = new Set([...state.leaving].map((index) => report.people[index]?.id ?? ''));
  const { width, height } = layout;
  if (state.help) return <HelpOverlay report={report} view={state.view} width={width} height={height} />;
  const view = state.view;
  const shown = view === 'people' ? model.people.length : view === 'stewardship' ? model.stewardship.stewards.length : model.rows.length - 1;
  const noMatch = state.filters[view] !== '' && shown <= 0;
  const activity = model.stewardship.activities[model.stewardship.cursor];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Header report={report} view={view} kind={explorer.kinds.length > 1 ? state.kind : undefined} trend={trend} width={width} />
      <StatusLine
        report={report}
        score={model.scores.get('')}
        activeScore={model.activeScores.get('')}
        leaving={state.leaving}
        departed={explorer.departedIds}
        sort={state.sorts[view]}
        filter={state.filters[view]}
        noMatch={noMatch}
        width={width}
      />
      {view === 'people' ? (
        <PeopleTable rows={model.people} cursor={peopleCursor} headTime={report.headTime} columns={peopleColumns(width, explorer.rolesWidth)} width={width} height={layout.peopleHeight} />
      ) : view === 'stewardship' && activity ? (
        <>
          <StewardshipTable
            stewardship={report.stewardship}
            rows={model.stewardship.activities}
            cursor={model.stewardship.cursor}
            columns={activityColumns(width)}
            width={width}
            height={model.stewardship.activities.length}
            focused={state.focus === 'tree'}
          />
          <StewardPane
            stewardship={report.stewardship}
            row={activity}
            people={model.stewardship.stewards}
            headTime={report.headTime}
            filtered={state.filters.stewardship !== ''}
            cursor={stewardCursor}
            focused={state.focus === 'detail'}
            width={width}
            height={stewardshipLayout(layout, model.stewardship.activities.length).pane}
          />
        </>
      ) : (
        <>
          <ModuleTable
            report={report}
            rows={model.rows}
            cursor={model.cursor}
            baseScores={model.baseScores}
            scores={model.scores}
            activeBaseScores={model.activeBaseScores}
            activeScores={model.activeScores}
            departed={explorer.departedIds}
            columns={moduleColumns(width)}
            width={width}
            height={layout.treeHeight}
            focused={state.focus === 'tree'}
          />
          <DetailPane
            report={report}
            node={model.node}
            scores={{
              base: model.baseScores.get(model.node.key),
              now: model.scores.get(model.node.key),
              activeBase: model.activeBaseScores.get(model.node.key),
              activeNow: model.activeScores.get(model.node.key),
              allLost: allLost(lostCount(report, model.node)),
            }}
            people={model.detail}
            leaving={leavingIds}
            lines={model.lines}
            islands={model.islands}
            codeowners={state.kind === 'codeowners'}
            cursor={detailCursor}
            focused={state.focus === 'detail'}
            width={width}
            height={layout.detailHeight}
          />
        </>
      )}
      <Footer state={state} width={width} />
    </Box>
  );
}

/** Rows a page key moves: the height of the list that has the keys. */
function pageSize(state: ExplorerState, layout: ScreenLayout | undefined): number {
  if (!layout) return 1;
  if (state.view === 'people') return layout.peopleHeight;
  if (state.view === 'stewardship') return state.focus === 'detail' ? stewardListHeight(stewardshipLayout(layout, STEWARDSHIP_KINDS.length).pane) : STEWARDSHIP_KINDS.length;
  return state.focus === 'detail' ? detailListHeight(layout.detailHeight) : layout.treeHeight;
}

/** `--without`: the people the report's what-if removed, as explorer marks (person indices). */
function withoutMarks(report: Report): ReadonlySet<number> {
  const ids = new Set(report.whatIf?.without.map((person) => person.id) ?? []);
  return new Set(report.people.flatMap((person, index) => (ids.has(person.id) ? [index] : [])));
}
