import type { Repository } from '../git/repo.js';
import type { Settings } from '../settings/resolve-settings.js';
import type { Warning } from '../warnings.js';
import type { ModuleContext } from './module-definition.js';

/** Manifests and CODEOWNERS are small; a larger file is not read (a scanned repository is untrusted). */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * The module providers' view of the analysed commit: its counted files, its tree, and a reader
 * of its blobs (never the work tree: a bare repository and `--rev` see what the commit holds).
 * `close()` ends the reader.
 */
export function createModuleContext(
  repo: Repository,
  input: { readonly files: readonly string[]; readonly blobs: ModuleContext['blobs']; readonly settings: Settings; readonly warnings: Warning[] },
): ModuleContext & { close(): void } {
  const reader = repo.reader.openBlobReader();
  const read = async (path: string): Promise<Buffer | undefined> => {
    const blob = input.blobs.get(path);
    if (!blob) return undefined;
    if (blob.size > MAX_MANIFEST_BYTES) {
      input.warnings.push({ code: path.endsWith('CODEOWNERS') ? 'codeowners-unreadable' : 'workspace-unreadable', message: `${path} is larger than ${MAX_MANIFEST_BYTES / 1024} KiB: not read` });
      return undefined;
    }
    return reader.read(blob.oid);
  };
  return { files: input.files, blobs: input.blobs, read, scope: repo.scope, settings: input.settings, warnings: input.warnings, close: () => reader.close() };
}
