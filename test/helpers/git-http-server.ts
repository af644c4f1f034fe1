import { spawn } from 'node:child_process';
import http from 'node:http';
import type net from 'node:net';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';

/** One request the server saw: what the tests check credentials against. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

export interface GitHttpServer {
  readonly port: number;
  /** Every request so far, in order. */
  readonly seen: SeenRequest[];
  /** `http://[userinfo@]host:port/<name>`. */
  url(name: string, userinfo?: string): string;
  stop(): Promise<void>;
}

export interface GitHttpOptions {
  /** `user:password` that must come as Basic authentication; without it every request is let in. */
  readonly credentials?: string;
  /** Answer every request with a redirect to this base URL instead of serving it. */
  readonly redirectTo?: string;
  /** Address to listen on (a second loopback address is a second host). @default 127.0.0.1 */
  readonly host?: string;
}

/**
 * A real smart-HTTP git server on a loopback address: node's http server in front of
 * `git http-backend` (CGI), serving every repository below `root`, with Basic authentication when
 * asked, or a server that only redirects. For the credential tests of docs/remote.md.
 */
export async function startGitHttpServer(root: string, options: GitHttpOptions = {}): Promise<GitHttpServer> {
  const seen: SeenRequest[] = [];
  const expected = options.credentials ? `Basic ${Buffer.from(options.credentials).toString('base64')}` : undefined;
  const server = http.createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
    if (options.redirectTo) {
      response.writeHead(302, { Location: `${options.redirectTo}${request.url ?? ''}` });
      response.end();
      return;
    }
    if (expected && request.headers.authorization !== expected) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' });
      response.end('authentication needed\n');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const cgi = spawn('git', ['http-backend'], {
      env: isolatedGitEnv({
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: request.method ?? 'GET',
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        REMOTE_USER: expected ? 'user' : '',
        REMOTE_ADDR: '127.0.0.1',
        ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
        ...(request.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(request.headers['content-encoding']) } : {}),
      }),
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    request.pipe(cgi.stdin);
    // The CGI answer: headers up to a blank line, then the body, streamed.
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.write(head.subarray(end + 4));
    });
    cgi.stdout.on('end', () => response.end());
    cgi.on('error', () => response.destroy());
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    seen,
    url: (name, userinfo) => `http://${userinfo ? `${userinfo}@` : ''}${host}:${port}/${name}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
