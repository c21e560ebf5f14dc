/**
 * Starts a fresh KindCentraal stack for the browser tests and returns its teardown:
 *   1. a temp dir with a new SQLite database: `kindcentraal db upgrade` + `kindcentraal seed demo`;
 *   2. the API: uvicorn on 127.0.0.1:8100 (a random 48-character KC_SECRET_KEY, CORS for the SPA);
 *   3. the BUILT SPA (frontend/dist, built by `make test-e2e`): `vite preview` on 127.0.0.1:5183.
 * Paths are resolved from this file (tests/e2e/support), so the repo can live anywhere.
 * Server logs go to the temp dir; they are printed when a server fails to start, and the dir
 * is kept when KC_E2E_KEEP=1.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { API_BASE_URL, API_PORT, SPA_PORT, SPA_URL } from './env';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../../..');
const VENV_BIN = join(REPO_ROOT, '.venv', 'bin');
const FRONTEND = join(REPO_ROOT, 'frontend');
const CHROMIUM = '/usr/bin/chromium';

type Server = { name: string; child: ChildProcess; log: string; stopping: boolean; died: boolean };

function mustExist(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`e2e setup: ${path} is missing. ${hint}`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .once('listening', () => probe.close(() => done(true)))
      .listen(port, '127.0.0.1');
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function start(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Server {
  const fd = openSync(log, 'a');
  // Own process group: the teardown stops the server and anything it started, and only that.
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  const server: Server = { name, child, log, stopping: false, died: false };
  // A server that dies mid-run makes every later test fail with "no connection": say why at once.
  child.once('exit', (code, signal) => {
    if (!server.stopping) {
      server.died = true;
      console.error(
        `\ne2e: ${name} (pid ${child.pid}) exited during the run (code ${code}, signal ${signal}); ` +
          `tests after this point fail. Was it killed from outside? Log ${log}:\n${tail(log, 15)}\n`,
      );
    }
  });
  return server;
}

async function waitUntilUp(server: Server, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`e2e setup: ${server.name} exited (${server.child.exitCode ?? server.child.signalCode}):\n${tail(server.log)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`e2e setup: ${server.name} did not answer ${url} within ${timeoutMs} ms:\n${tail(server.log)}`);
}

async function stop(server: Server): Promise<void> {
  const { child } = server;
  server.stopping = true;
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  mustExist(CHROMIUM, "Install Debian's chromium (apt-get install -y chromium); no other browser is used.");
  mustExist(join(VENV_BIN, 'kindcentraal'), 'Run `make install` first.');
  mustExist(join(VENV_BIN, 'uvicorn'), 'Run `make install` first.');
  mustExist(join(FRONTEND, 'dist', 'index.html'), 'Build the SPA first (`make frontend/dist/index.html`, or `make test-e2e`).');
  mustExist(join(FRONTEND, 'node_modules', '.bin', 'vite'), 'Run `make install` first.');
  for (const port of [API_PORT, SPA_PORT]) {
    if (!(await portFree(port))) {
      throw new Error(`e2e setup: port ${port} on 127.0.0.1 is in use; stop what runs there (or set KC_E2E_API_PORT / KC_E2E_SPA_PORT).`);
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'kc-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KC_ENV: 'test',
    KC_DATABASE_URL: `sqlite:///${join(dir, 'e2e.db')}`,
    KC_SECRET_KEY: randomBytes(36).toString('base64url'), // 48 characters
    KC_CORS_ORIGINS: JSON.stringify([SPA_URL]),
    // vite preview's Content-Security-Policy allows (connect-src) and reports to this run's API.
    KC_CSP_API_BASE_URL: API_BASE_URL,
  };
  const servers: Server[] = [];
  const teardown = async () => {
    await Promise.all(servers.map(stop));
    if (process.env.KC_E2E_KEEP === '1' || servers.some((server) => server.died)) {
      console.log(`e2e: kept ${dir} (database and server logs)`);
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // Should the runner die without its teardown, take the servers down with it.
  process.once('exit', () => {
    for (const { child } of servers) {
      try {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  try {
    const cli = join(VENV_BIN, 'kindcentraal');
    await run(cli, ['db', 'upgrade'], { cwd: REPO_ROOT, env });
    const seeded = await run(cli, ['seed', 'demo'], { cwd: REPO_ROOT, env });
    if (!/loaded/i.test(seeded.stdout)) throw new Error(`e2e setup: seed demo said: ${seeded.stdout}${seeded.stderr}`);

    const api = start(
      'API (uvicorn)',
      join(VENV_BIN, 'uvicorn'),
      ['kindcentraal.main:app', '--host', '127.0.0.1', '--port', String(API_PORT), '--log-level', 'info'],
      REPO_ROOT,
      env,
      join(dir, 'api.log'),
    );
    servers.push(api);
    const spa = start(
      'SPA (vite preview)',
      join(FRONTEND, 'node_modules', '.bin', 'vite'),
      ['preview', '--host', '127.0.0.1', '--port', String(SPA_PORT), '--strictPort'],
      FRONTEND,
      env,
      join(dir, 'spa.log'),
    );
    servers.push(spa);
    await Promise.all([waitUntilUp(api, `${API_BASE_URL}/`, 30_000), waitUntilUp(spa, `${SPA_URL}/`, 30_000)]);
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(`e2e: stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (API ${API_BASE_URL}, SPA ${SPA_URL})`);
  return teardown;
}
