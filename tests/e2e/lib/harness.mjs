// The e2e harness: a fresh SQLite database initialised with `crossdock init --demo`,
// the real binary on a free port (--port 0, the "listening on" log line), Debian's
// chromium driven by playwright-core. On failure: a screenshot, the page's console
// log and the server log in $CROSSDOCK_E2E_ARTIFACTS (default <build>/e2e-artifacts).
// Exit codes: 0 passed, 1 failed, 77 skipped (no chromium or no node_modules).
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = process.env.CROSSDOCK_SOURCE_DIR || resolve(here, '../../..');
export const BINARY = process.env.CROSSDOCK_BINARY || join(SOURCE_DIR, 'build/crossdock');
export const CHROMIUM = process.env.CROSSDOCK_CHROMIUM || '/usr/bin/chromium';
export const PASSWORD = 'crossdock-demo';

function skip(reason) {
  console.log(`SKIP: ${reason}`);
  process.exit(77);
}

function loadPlaywright() {
  const require = createRequire(join(SOURCE_DIR, 'package.json'));
  try {
    return require('playwright-core');
  } catch (_) {
    return null;
  }
}

/** Runs `crossdock <args>` to completion; throws with its output on a non-zero exit. */
export function crossdock(args, options = {}) {
  const result = spawnSync(BINARY, args, {encoding: 'utf8', cwd: options.cwd, timeout: 120000});
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`crossdock ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Starts `crossdock serve` on a free port; resolves {url, log(), stop()}. */
export function startServer(dir, dbUrl) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(BINARY, ['serve', '--db', dbUrl, '--port', '0', '--set', 'server.host=127.0.0.1',
      '--set', 'log.access=off'], {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']});
    let log = '';
    let done = false;
    const timer = setTimeout(() => {
      if (!done) reject(new Error(`the server did not announce its port within 60 s:\n${log}`));
    }, 60000);
    const onData = (chunk) => {
      log += chunk.toString();
      const match = /listening on https?:\/\/[^"\s]*:(\d+)/.exec(log);
      if (match && !done) {
        done = true;
        clearTimeout(timer);
        resolvePromise({
          url: `http://127.0.0.1:${match[1]}`,
          log: () => log,
          stop: () => new Promise((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', r);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000);
          }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        reject(new Error(`crossdock serve exited ${code} before listening:\n${log}`));
      }
    });
  });
}

function artifactsDir(name) {
  const base = process.env.CROSSDOCK_E2E_ARTIFACTS || join(process.cwd(), 'e2e-artifacts');
  const dir = join(base, name);
  mkdirSync(dir, {recursive: true});
  return dir;
}

/**
 * Runs one e2e scenario: `body({page, browser, server, dir, newPage})`. `prepare(dir, dbUrl)`
 * runs after `crossdock init --demo` and before the server starts (e.g. `edi ingest`).
 */
export async function scenario(name, body, {prepare, viewport = {width: 1280, height: 900}, timeoutMs = 90000} = {}) {
  if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} is not installed (scripts/install-deps.sh test)`);
  const playwright = loadPlaywright();
  if (!playwright) skip('playwright-core is not installed (npm ci at the repository root)');
  if (!existsSync(BINARY)) throw new Error(`no crossdock binary at ${BINARY}`);

  const dir = mkdtempSync(join(tmpdir(), `crossdock-e2e-${name}-`));
  const dbUrl = `sqlite:${join(dir, 'crossdock.db')}`;
  const consoleLog = [];
  let server = null;
  let browser = null;
  let page = null;
  let failed = false;
  const watchdog = setTimeout(() => {
    console.error(`FAIL ${name}: timed out after ${timeoutMs} ms`);
    process.exit(1);
  }, timeoutMs + 60000);
  try {
    crossdock(['init', '--db', dbUrl, '--demo']);
    if (prepare) await prepare(dir, dbUrl);
    server = await startServer(dir, dbUrl);
    const args = process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [];
    browser = await playwright.chromium.launch({executablePath: CHROMIUM, headless: true, args});
    const newPage = async (options = {}) => {
      const context = await browser.newContext({baseURL: server.url, viewport: options.viewport || viewport});
      const p = await context.newPage();
      p.setDefaultTimeout(15000);
      p.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
      p.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
      p.on('requestfailed', (r) => consoleLog.push(`[requestfailed] ${r.method()} ${r.url()}`));
      p.on('response', (r) => { if (r.status() >= 400) consoleLog.push(`[http ${r.status()}] ${r.request().method()} ${r.url()}`); });
      return p;
    };
    page = await newPage();
    await Promise.race([
      body({page, browser, server, dir, dbUrl, newPage, setPage: (p) => { page = p; }}),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)),
    ]);
    // The portal must run under its Content-Security-Policy without a single violation
    // (no inline script or style) and without uncaught script errors.
    const broken = consoleLog.filter((line) => /Content Security Policy|\[pageerror\]/.test(line));
    if (broken.length) throw new Error(`the page logged CSP violations or script errors:\n${broken.join('\n')}`);
    console.log(`PASS ${name}`);
  } catch (error) {
    failed = true;
    const out = artifactsDir(name);
    console.error(`FAIL ${name}: ${error.stack || error}`);
    if (page) {
      try {
        await page.screenshot({path: join(out, 'failure.png'), fullPage: true});
        writeFileSync(join(out, 'page.html'), await page.content());
      } catch (e) {
        console.error(`(no screenshot: ${e.message})`);
      }
    }
    writeFileSync(join(out, 'console.log'), consoleLog.join('\n') + '\n');
    if (server) writeFileSync(join(out, 'server.log'), server.log());
    console.error(`artifacts: ${out}`);
    console.error(`console log:\n${consoleLog.slice(-40).join('\n')}`);
  } finally {
    clearTimeout(watchdog);
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    if (!failed) rmSync(dir, {recursive: true, force: true});
  }
  process.exit(failed ? 1 : 0);
}

/** Signs in through the login form and waits for the navigation to appear. */
export async function signIn(page, email, password = PASSWORD) {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', {name: 'Sign in'}).click();
  await page.getByRole('button', {name: 'Sign out'}).waitFor();
}

/** Signs out (the token lives in sessionStorage of this page's context). */
export async function signOut(page) {
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.getByLabel('Email').waitFor();
}

/** A failed expectation with a message. */
export function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}

/** The JSON API from node (for set-up and for checking what the UI did). */
export async function apiAs(server, email, method, path, body) {
  const token = await fetch(`${server.url}/api/v1/auth/token`, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({email, password: PASSWORD})}).then((r) => r.json()).then((j) => j.token);
  const response = await fetch(`${server.url}${path}`, {method, headers: {Authorization: `Bearer ${token}`,
    ...(body ? {'Content-Type': 'application/json'} : {})}, body: body ? JSON.stringify(body) : undefined});
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch (_) { /* not JSON */ }
  return {status: response.status, json, text};
}
