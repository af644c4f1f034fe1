import { Box } from 'ink';
import { useMemo, useState } from 'react';
import type { OrgView } from '../../org/org-view.js';
import { settingsSummary, totalsSummary } from '../../render/org/org-wording.js';
import { Line } from '../components/Line.js';
import { ScrollList } from '../components/ScrollList.js';
import { TooSmall } from '../components/TooSmall.js';
import { useKeyMap } from '../hooks/use-explorer-keys.js';
import { screenLayout } from '../model/layout.js';
import { departedDetail, personDetail, treeDetail, type Detail } from './org-detail.js';
import { handleOrgKey, initialOrgState, type OrgExplorerState, type OrgKeyContext } from './org-explorer-state.js';
import { departedHeading, departedRowSegments, orgColumns, peopleHeading, personRowSegments, treeHeading, treeRowSegments } from './org-row-segments.js';
import { orgTreeRows } from './org-rows.js';
import { OrgHelp } from './OrgHelp.js';

export interface Props {
  readonly view: OrgView;
  readonly columns: number;
  readonly rows: number;
  readonly onQuit: () => void;
}

const TITLES: Readonly<Record<OrgExplorerState['view'], string>> = {
  repositories: 'repositories, riskiest first · Enter opens one: its modules',
  people: 'people key in the most repositories first',
  departed: 'departed people who still author files',
};

const HINTS: Readonly<Record<OrgExplorerState['view'] | 'detail', string>> = {
  repositories: 'jk move · hl/Enter fold · Tab people · p people · d departed · ? · q',
  people: 'jk move · Tab repositories · p back · d departed · ? · q',
  departed: 'jk move · Tab repositories · d back · p people · ? · q',
  detail: 'jk move · Enter go there · Tab/Esc back · ? · q',
};

/** Everything a key or a frame needs, for one state. */
function derive(view: OrgView, state: OrgExplorerState): { rows: ReturnType<typeof orgTreeRows>; detail: Detail } {
  const rows = orgTreeRows(view, state.expanded);
  const detail = state.view === 'people' ? personDetail(view, state.cursors.people) : state.view === 'departed' ? departedDetail(view, state.cursors.departed) : treeDetail(view, rows[state.cursors.repositories]);
  return { rows, detail };
}

/**
 * The organisation view, explored (docs/org.md, "Explorer"): the repositories riskiest first, each
 * opening onto its modules; the people key in the most repositories; the departed who still hold
 * files. The detail pane shows the selected row's key people or repositories; Tab moves into it and
 * Enter follows a line to that person or repository.
 */
export function OrgExplorer({ view, columns, rows: terminalRows, onQuit }: Props) {
  const [state, setState] = useState(initialOrgState);
  const layout = screenLayout(columns, terminalRows);
  const derived = useMemo(() => derive(view, state), [view, state]);
  const context = (current: OrgExplorerState): OrgKeyContext => {
    const of = current === state ? derived : derive(view, current);
    return { view, rows: of.rows, detail: of.detail.lines, page: layout?.treeHeight ?? 1, rowsFor: (expanded) => orgTreeRows(view, expanded) };
  };
  useKeyMap(state, setState, context, handleOrgKey, onQuit);

  if (!layout) return <TooSmall columns={columns} rows={terminalRows} />;
  const { width, height, treeHeight, detailHeight } = layout;
  if (state.help) return <OrgHelp view={view} width={width} height={height} />;
  const widths = orgColumns(width);
  const listFocused = state.focus === 'list';
  const list =
    state.view === 'people' ? (
      <ScrollList items={view.people} cursor={state.cursors.people} height={treeHeight} width={width} focused={listFocused} itemKey={(person) => person.id} segments={(person, _i, selected) => personRowSegments(person, widths, selected)} empty="nobody is a key person of any repository" />
    ) : state.view === 'departed' ? (
      <ScrollList items={view.departed} cursor={state.cursors.departed} height={treeHeight} width={width} focused={listFocused} itemKey={(holder) => holder.person} segments={(holder, _i, selected) => departedRowSegments(holder, widths, selected)} empty="no departed person still authors files" />
    ) : (
      <ScrollList items={derived.rows} cursor={state.cursors.repositories} height={treeHeight} width={width} focused={listFocused} itemKey={(row) => row.key} segments={(row, _i, selected) => treeRowSegments(row, widths, selected)} empty="no repository" />
    );
  const heading = state.view === 'people' ? peopleHeading(widths) : state.view === 'departed' ? departedHeading(widths) : treeHeading(widths);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line segments={[{ text: 'busfactor org', bold: true }, { text: ` · ${totalsSummary(view)} · ${settingsSummary(view)}` }]} width={width} />
      <Line segments={[{ text: TITLES[state.view], dim: true }]} width={width} />
      <Line segments={heading} width={width} />
      {list}
      <Box flexDirection="column" height={detailHeight}>
        <Line segments={derived.detail.title} width={width} />
        <ScrollList
          items={derived.detail.lines}
          cursor={state.focus === 'detail' ? state.detailCursor : 0}
          height={detailHeight - 1}
          width={width}
          focused={state.focus === 'detail'}
          itemKey={(line) => line.key}
          segments={(line, _i, selected) => [{ text: selected && state.focus === 'detail' ? '› ' : '  ' }, ...line.segments]}
        />
      </Box>
      <Line segments={[{ text: HINTS[state.focus === 'detail' ? 'detail' : state.view], dim: true }]} width={width} />
    </Box>
  );
}
