import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';

/** A port nobody listens on right now (the kernel's pick, released again). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface GitDaemon {
  readonly port: number;
  /** `git://127.0.0.1:<port>/<name>`: a repository below the base path. */
  url(name: string): string;
  stop(): Promise<void>;
}

/**
 * A real `git daemon` on 127.0.0.1, serving every repository below `basePath` (`--export-all`),
 * ready once it accepts connections. Stopped by `stop()` (the test's afterEach).
 */
export async function startGitDaemon(basePath: string): Promise<GitDaemon> {
  const port = await freePort();
  const child: ChildProcess = spawn('git', ['daemon', `--base-path=${basePath}`, '--export-all', '--reuseaddr', '--listen=127.0.0.1', `--port=${port}`, basePath], {
    env: isolatedGitEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`git daemon did not start on port ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    url: (name) => `git://127.0.0.1:${port}/${name}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
