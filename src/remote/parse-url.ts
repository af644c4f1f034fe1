import { InputError } from '../errors.js';

/**
 * Telling a repository URL from a local path, and taking it apart (docs/remote.md). A URL may come
 * from a list someone else wrote (`busfactor org`), so it is untrusted: only five transports are
 * accepted, every part that later names a folder is checked (remote/copy-path.ts), and a user name
 * or password in it is kept apart from everything that is printed or stored.
 */

/** The transports busfactor clones over; anything else is refused before git runs. */
export const REMOTE_PROTOCOLS = ['https', 'http', 'ssh', 'git', 'file'] as const;
export type RemoteProtocol = (typeof REMOTE_PROTOCOLS)[number];

/** The user name and password of an http(s) URL, given to git by a credential helper only (git/transfer-git.ts). */
export interface UrlCredentials {
  readonly username: string;
  readonly password: string;
}

export interface RemoteUrl {
  readonly protocol: RemoteProtocol;
  /** The host, lower-cased (IPv6 in brackets); `localhost` for `file://`. */
  readonly host: string;
  /** The port when it is not the protocol's default one, else ''. */
  readonly port: string;
  /** The path on the server as written (percent-encoded for http and https), never empty. */
  readonly path: string;
  /** Whether `path` is percent-encoded (http, https): the copy's folder names decode it. */
  readonly pathEncoded: boolean;
  /** What git is given: no password ever; the user name only for ssh, where it is no secret. */
  readonly gitUrl: string;
  /** What is printed, stored in the copy and put in the report: `gitUrl` (it has no secret). */
  readonly displayUrl: string;
  /** http(s) only: the URL's user name and password, which never reach a command line, a file or a message. */
  readonly credentials: UrlCredentials | undefined;
  /** `host` with the port as git's credential protocol names it (`127.0.0.1:8080`). */
  readonly authority: string;
}

/** `ext::sh -c …`, `fd::3`, `persistent-https::…`: git's `<transport>::<address>` form, which runs a remote helper. */
const TRANSPORT_PREFIX = /^([A-Za-z0-9][A-Za-z0-9+.-]*)::/;
/** `scheme://…` */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** git's aliases for ssh (`git+ssh://`, `ssh+git://`). */
const SSH_ALIASES = new Set(['ssh', 'git+ssh', 'ssh+git']);
const DEFAULT_PORTS: Readonly<Record<RemoteProtocol, string>> = { https: '443', http: '80', ssh: '22', git: '9418', file: '' };
/** A host name or IPv4 address: letters, digits, `-` and `_`, dot-separated labels, none empty. */
const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]*)(?:\.[a-z0-9_](?:[a-z0-9_-]*))*$/;
const IPV6 = /^\[[0-9a-f:.]+(?:%25[0-9a-z._~-]+)?\]$/;

const SUPPORTED = 'busfactor clones over https://, http://, ssh:// (or user@host:path), git:// and file://';

/** The URL with any user name and password replaced by nothing: for messages about a URL that was refused. */
export function redactUrl(text: string): string {
  return text.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, '$1').replace(/^[^/:@]*:[^/@]*@(?=[^/]*:)/, '');
}

/**
 * The URL the text is, or undefined when it is a local path (a work tree, a folder, a bare
 * repository). Throws InputError for a URL busfactor does not clone: another transport, a
 * remote-helper address (`ext::`, `fd::`), a hostile host or path. `localPathExists` says whether a
 * file or folder of that name exists: then `host:path` is that path, as git decides too.
 */
export function parseRemoteUrl(text: string, localPathExists: boolean): RemoteUrl | undefined {
  const transport = TRANSPORT_PREFIX.exec(text);
  if (transport && !SCHEME.test(text)) {
    throw new InputError(`the transport ${transport[1]}:: is refused: it would run a program (${SUPPORTED})`);
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme === 'https' || scheme === 'http') return parseWebUrl(text, scheme);
    if (SSH_ALIASES.has(scheme)) return parseAuthorityUrl(text, 'ssh');
    if (scheme === 'git' || scheme === 'file') return parseAuthorityUrl(text, scheme);
    throw new InputError(`unsupported URL scheme ${scheme}:// in ${redactUrl(text)} (${SUPPORTED})`);
  }
  if (localPathExists) return undefined;
  return parseScpLike(text);
}

/** http and https, through the WHATWG parser: percent-decoding of the host, dot segments resolved, default port dropped. */
function parseWebUrl(text: string, protocol: 'https' | 'http'): RemoteUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(`not a valid URL: ${redactUrl(text)}`);
  }
  if (url.search !== '' || url.hash !== '') throw new InputError(`a repository URL has no query or fragment: ${redactUrl(text)}`);
  const host = checkedHost(url.hostname, text);
  const credentials = url.username !== '' || url.password !== '' ? { username: decodeCredential(url.username, text), password: decodeCredential(url.password, text) } : undefined;
  const port = url.port === DEFAULT_PORTS[protocol] ? '' : url.port;
  const authority = port ? `${host}:${port}` : host;
  const urlPath = checkedPath(url.pathname, text);
  const gitUrl = `${protocol}://${authority}${urlPath}`;
  return { protocol, host, port, path: urlPath, pathEncoded: true, gitUrl, displayUrl: gitUrl, credentials, authority };
}

/** ssh://, git:// and file://, taken apart by hand: git passes their paths on as written, undecoded. */
function parseAuthorityUrl(text: string, protocol: 'ssh' | 'git' | 'file'): RemoteUrl {
  const rest = text.slice(text.indexOf('://') + 3);
  const slash = rest.indexOf('/');
  const authorityText = slash === -1 ? rest : rest.slice(0, slash);
  const rawPath = slash === -1 ? '' : rest.slice(slash);
  const at = authorityText.lastIndexOf('@');
  const userinfo = at === -1 ? undefined : authorityText.slice(0, at);
  const hostPort = at === -1 ? authorityText : authorityText.slice(at + 1);
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
  if (!portMatch) throw new InputError(`not a valid URL: ${redactUrl(text)}`);
  const hostText = portMatch[1] as string;
  const portText = portMatch[2] ?? '';
  const display = redactUrl(text);

  if (protocol === 'file') {
    if (userinfo !== undefined) throw new InputError(`a file:// URL takes no user name or password: ${display}`);
    if (hostText !== '' && hostText.toLowerCase() !== 'localhost') throw new InputError(`a file:// URL names a folder on this machine (file:///path or file://localhost/path), not on ${hostText}: ${display}`);
    if (portText !== '') throw new InputError(`a file:// URL has no port: ${display}`);
    const filePath = checkedPath(rawPath, text);
    const gitUrl = `file://${filePath}`;
    return { protocol, host: 'localhost', port: '', path: filePath, pathEncoded: false, gitUrl, displayUrl: gitUrl, credentials: undefined, authority: '' };
  }
  if (userinfo !== undefined && protocol === 'git') throw new InputError(`a git:// URL takes no user name or password (the git protocol has no authentication): ${display}`);
  if (userinfo !== undefined && userinfo.includes(':')) throw new InputError(`an ssh URL takes no password (ssh authenticates with your keys or agent): ${display}`);
  const user = userinfo === undefined ? undefined : checkedSshUser(userinfo, text);
  const host = checkedHost(hostText.toLowerCase(), text);
  const port = checkedPort(portText, protocol, text);
  const urlPath = checkedPath(rawPath, text);
  const authority = port ? `${host}:${port}` : host;
  const gitUrl = `${protocol}://${user === undefined ? '' : `${user}@`}${authority}${urlPath}`;
  return { protocol, host, port, path: urlPath, pathEncoded: false, gitUrl, displayUrl: gitUrl, credentials: undefined, authority };
}

/**
 * `[user@]host:path`, git's scp-like ssh form: the first `:` comes before any `/` (else it is a
 * path, as git decides). No port in this form (ssh's own config can give one).
 */
function parseScpLike(text: string): RemoteUrl | undefined {
  const colon = text.indexOf(':');
  const slash = text.indexOf('/');
  if (colon <= 0 || (slash !== -1 && slash < colon)) return undefined;
  // `user:password@host:path`: read as git would (host `user`), the password would be printed as part of a path.
  if (/^[^/@:]+:[^/@]*@[^/@:[\]]+:/.test(text)) throw new InputError(`an ssh URL takes no password (ssh authenticates with your keys or agent): ${redactUrl(text)}`);
  const before = text.slice(0, colon);
  const scpPath = text.slice(colon + 1);
  // A bracketed host (`[::1]:repo`, `[host:22]:repo`) holds colons of its own.
  const bracket = /^(?:([^@[\]]+)@)?\[([^\]]+)\]:(.*)$/.exec(text);
  const at = before.lastIndexOf('@');
  const userinfo = bracket ? bracket[1] : at === -1 ? undefined : before.slice(0, at);
  const hostText = bracket ? `[${bracket[2] as string}]` : at === -1 ? before : before.slice(at + 1);
  const rawPath = bracket ? (bracket[3] as string) : scpPath;
  if (userinfo !== undefined && userinfo.includes(':')) throw new InputError(`an ssh URL takes no password (ssh authenticates with your keys or agent): ${redactUrl(text)}`);
  if (rawPath === '') throw new InputError(`the URL names no repository: ${text}`);
  const user = userinfo === undefined ? undefined : checkedSshUser(userinfo, text);
  const host = checkedHost(hostText.toLowerCase(), text);
  const scpDisplayPath = checkedPath(rawPath.startsWith('/') ? rawPath : `/${rawPath}`, text);
  // Kept as written (relative paths are relative to the ssh user's home on the server).
  const gitUrl = `${user === undefined ? '' : `${user}@`}${host}:${rawPath}`;
  return { protocol: 'ssh', host, port: '', path: scpDisplayPath, pathEncoded: false, gitUrl, displayUrl: gitUrl, credentials: undefined, authority: host };
}

/**
 * A host that can name a folder and cannot be read as an option: a DNS name, IPv4 or a bracketed
 * IPv6 address. A leading `-` would let `ssh -oProxyCommand=…` through (CVE-2017-1000117).
 */
function checkedHost(raw: string, text: string): string {
  const host = raw.replace(/\.$/, '');
  if (host === '') throw new InputError(`the URL names no host: ${redactUrl(text)}`);
  if (!HOST_NAME.test(host) && !IPV6.test(host)) throw new InputError(`not a valid host name in ${redactUrl(text)}: ${JSON.stringify(raw)}`);
  return host;
}

function checkedPort(raw: string, protocol: RemoteProtocol, text: string): string {
  if (raw === '') return '';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InputError(`not a valid port in ${redactUrl(text)}: ${raw}`);
  const normal = String(port);
  return normal === DEFAULT_PORTS[protocol] ? '' : normal;
}

/** The ssh user: no option (`-o…`), no control characters or spaces (ssh would take them apart). */
function checkedSshUser(user: string, text: string): string {
  if (user === '' || user.startsWith('-') || /[\s\0-\x1f\x7f/\\'"`$;|&<>]/.test(user)) throw new InputError(`not a valid ssh user name in ${redactUrl(text)}`);
  return user;
}

/** The repository's path: there must be one, and it may not hold control characters (they would end up in folder names and messages). */
function checkedPath(raw: string, text: string): string {
  const trimmed = raw.replace(/\/+$/, '');
  if (trimmed === '' || /^\/+$/.test(trimmed)) throw new InputError(`the URL names no repository: ${redactUrl(text)}`);
  if (/[\0-\x1f\x7f]/.test(trimmed)) throw new InputError(`the URL's path holds control characters: ${JSON.stringify(redactUrl(text))}`);
  return trimmed;
}

/**
 * A user name or password as git would send it: percent-decoded. A line break would let it add
 * lines to git's credential protocol (CVE-2020-5260): refused, as git refuses it.
 */
function decodeCredential(raw: string, text: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new InputError(`the user name or password of ${redactUrl(text)} is not valid percent-encoding`);
  }
  if (/[\0\r\n]/.test(decoded)) throw new InputError(`the user name or password of ${redactUrl(text)} holds a line break`);
  return decoded;
}

/** What to print for a repository argument: the URL without its secrets, or the path as given. */
export function displayTarget(text: string): string {
  try {
    return parseRemoteUrl(text, true)?.displayUrl ?? redactUrl(text);
  } catch {
    return redactUrl(text);
  }
}
