import path from 'node:path';
import type { RepositoryTarget } from './repository-target.js';

/**
 * A name each repository of an org run gets on disk: its `--out` file is `<stem>.json`, and where two
 * repositories' own names collide the organisation view shows the stem instead (view-names.ts). Stems
 * are unique within the run, case-insensitively (a macOS or Windows disk folds case), and depend only
 * on the repositories named and their order, so the same arguments give the same names whatever
 * `--jobs` says.
 *
 * A stem is the folder's name (`~/src/api`: `api`; a bare `api.git`: `api`), or a URL's last path
 * segment (`git@github.com:org/web.git`: `web`). Where several have the same, each of those takes one
 * more folder from its path until they differ (ten mirrors `/work/.mirror/vuejs+vue/repo`, …:
 * `vuejs+vue_repo`, …); what still collides gets `-2`, `-3`.
 */
export function fileStems(targets: readonly RepositoryTarget[]): string[] {
  const segments = targets.map((target) => (target.kind === 'path' ? target.location : urlPath(target.location)).split(/[/\\]+/).filter(Boolean).map((segment) => segment.replace(/\.git$/i, '')).filter(Boolean));
  const depth = targets.map(() => 1);
  const nameOf = (i: number) => safeStem((segments[i] ?? []).slice(-(depth[i] as number)).join('/'));
  for (;;) {
    const names = targets.map((_target, i) => nameOf(i).toLowerCase());
    const clashing = names.map((name, i) => names.indexOf(name) !== names.lastIndexOf(name) && (depth[i] as number) < (segments[i]?.length ?? 0));
    if (!clashing.includes(true)) break;
    clashing.forEach((clash, i) => {
      if (clash) depth[i] = (depth[i] as number) + 1;
    });
  }
  const taken = new Set<string>();
  return targets.map((_target, i) => unique(nameOf(i), taken));
}

/** A file name's stem from repository data: no path separators, no leading dot, nothing a shell or a file system minds. */
export function safeStem(raw: string): string {
  const segments = raw
    .split(/[/\\]+/)
    .map((segment) => segment.replace(/\.git$/i, ''))
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const stem = segments
    .join('_')
    .replace(/[^A-Za-z0-9._+-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, MAX_STEM)
    .replace(/[._-]+$/, '');
  return stem === '' ? 'repository' : stem;
}

const MAX_STEM = 100;

/** `stem`, or `stem-2`, `stem-3`… when taken (compared without case). */
export function unique(stem: string, taken: Set<string>): string {
  let candidate = stem;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The deepest folder every folder is in ('/' at worst). */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return '/';
  let common = (folders[0] as string).split(path.sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(path.sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i += 1;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.sep;
}

/** The path part of a repository URL: after the host (`https://host/a/b`, `user@host:a/b`), without a query. */
function urlPath(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(.*)$/i.exec(url);
  if (scheme) return (scheme[1] ?? '').replace(/[?#].*$/, '');
  const scp = /^[^:]*:(.*)$/.exec(url);
  return scp?.[1] ?? url;
}
