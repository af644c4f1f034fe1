import { loadLinguistData, type PathRule } from './linguist-data.js';

/**
 * Dependency lock files (docs/algorithms.md §4), by exact base name. Linguist counts most of them as
 * generated (generated.rb) or data; we give them their own reason so reports can say so.
 */
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'deno.lock', 'Cargo.lock', 'Gemfile.lock', 'poetry.lock', 'pdm.lock', 'uv.lock', 'pixi.lock',
  'Pipfile.lock', 'composer.lock', 'go.sum', 'go.work.sum', 'Gopkg.lock', 'glide.lock', 'flake.lock',
  'MODULE.bazel.lock', '.terraform.lock.hcl', 'mix.lock', 'pubspec.lock', 'Podfile.lock',
  'Package.resolved', 'packages.lock.json', 'paket.lock', 'conan.lock', 'esy.lock', 'mise.lock',
  'gradle.lockfile', 'shard.lock', 'Manifest.toml', 'JuliaManifest.toml', 'rebar.lock', 'cpanfile.snapshot',
]);

/**
 * The vendored defaults of docs/algorithms.md §4. vendor.yml covers each of them today; they are
 * spelled out so that the documented defaults hold whatever a Linguist update changes.
 */
const EXTRA_VENDORED = /(?:^|\/)(?:node_modules|vendors?|third[-_]party|extern(?:al)?)\/|\.min\.(?:js|css)$/;

/**
 * Source maps are generated (§4). generated.rb only knows `.js.map` / `.css.map` by name and
 * other `.map` files by their first line; every `.map` is taken here, without reading it.
 */
const EXTRA_GENERATED = /\.map$/;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Linguist matches its path regexes against the whole path, case-sensitively (blob_helper.rb). */
function test(rule: PathRule, path: string): boolean {
  return (path.includes('\n') ? rule.exact : rule.line).test(path);
}

/** A dependency lock file, by base name. */
export function isLockfile(path: string): boolean {
  return LOCKFILES.has(baseName(path));
}

/** Linguist's `vendored?` (vendor.yml) or a §4 default. */
export function isVendoredPath(path: string): boolean {
  return test(loadLinguistData().vendor, path) || EXTRA_VENDORED.test(path);
}

/** Linguist's `documentation?` (documentation.yml). */
export function isDocumentationPath(path: string): boolean {
  return test(loadLinguistData().documentation, path);
}

/** The name-only rules of Linguist's generated.rb, and source maps. */
export function isGeneratedPath(path: string): boolean {
  return test(loadLinguistData().generatedNames, path) || EXTRA_GENERATED.test(path);
}
