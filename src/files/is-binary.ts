import { loadLinguistData } from './linguist-data.js';

/**
 * Extensions whose MIME type is binary (what mini_mime answers for Linguist's
 * `binary_mime_type?`, blob_helper.rb): images, audio, video, archives, fonts, office documents,
 * compiled objects. A curated subset of the mime-types database, lower case.
 */
const BINARY_EXTENSIONS = new Set([
  // images (SVG is text)
  'png', 'jpg', 'jpeg', 'jpe', 'gif', 'bmp', 'ico', 'icns', 'tif', 'tiff', 'webp', 'psd', 'xcf', 'heic', 'heif', 'avif', 'jp2', 'cur',
  // audio and video
  'mp3', 'mp4', 'm4a', 'm4v', 'wav', 'ogg', 'oga', 'ogv', 'opus', 'flac', 'aac', 'aif', 'aiff', 'avi', 'mov', 'mkv', 'webm', 'wmv', 'wma', 'flv', 'mid', 'midi', 'mpg', 'mpeg', '3gp',
  // archives and packages
  'zip', 'gz', 'tgz', 'bz2', 'tbz', 'xz', 'txz', '7z', 'rar', 'tar', 'z', 'lz', 'lzma', 'zst', 'cab', 'jar', 'war', 'ear', 'apk', 'aab', 'ipa', 'deb', 'rpm', 'dmg', 'iso', 'msi', 'whl', 'egg', 'gem', 'nupkg', 'xpi', 'crx',
  // fonts
  'ttf', 'otf', 'woff', 'woff2', 'eot', 'ttc',
  // documents
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'odg', 'epub', 'mobi',
  // compiled code and data
  'exe', 'dll', 'so', 'dylib', 'o', 'a', 'lib', 'obj', 'class', 'pyc', 'pyo', 'wasm', 'swf', 'bin', 'sqlite', 'sqlite3', 'mdb', 'node', 'dex', 'ko',
]);

/**
 * Linguist's `likely_binary?`: a binary MIME type by extension, unless languages.yml knows the
 * file name (`Language.find_by_filename`).
 */
export function isBinaryName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return false;
  return BINARY_EXTENSIONS.has(base.slice(dot + 1).toLowerCase()) && !loadLinguistData().byFilename.has(base);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Linguist's `binary?` decides with CharlockHolmes (`detect_binary_content`): PostScript is
 * text; PNG, GIF and JPEG signatures are binary; otherwise a NUL byte makes it binary. Linguist
 * looks at the first 128 KiB it loads (LazyBlob::MAX_SIZE); callers pass the same prefix.
 * (ICU's "no encoding found" verdict, rare for non-NUL data, is not reproduced.)
 */
export function isBinaryContent(data: Buffer): boolean {
  if (data.length > 10 && data.toString('latin1', 0, 11) === '%!PS-Adobe-') return false;
  if (data.length > 7 && data.subarray(0, 8).equals(PNG)) return true;
  if (data.length > 5 && /^GIF8[79]a$/.test(data.toString('latin1', 0, 6))) return true;
  if (data.length > 3 && data.subarray(0, 3).equals(JPEG)) return true;
  return data.includes(0);
}
