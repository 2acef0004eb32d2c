// The portal as the real server serves it: content types, security headers, ETag
// revalidation, HEAD, and no way out of the web root. Node and the binary only.
import test from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BINARY, crossdock, startServer} from './lib/harness.mjs';

if (!existsSync(BINARY)) {
  console.log(`SKIP: no crossdock binary at ${BINARY}`);
  process.exit(77);
}

const dir = mkdtempSync(join(tmpdir(), 'crossdock-static-'));
const dbUrl = `sqlite:${join(dir, 'crossdock.db')}`;
crossdock(['init', '--db', dbUrl]);
const server = await startServer(dir, dbUrl);
test.after(async () => {
  await server.stop();
  rmSync(dir, {recursive: true, force: true});
});

test('index and assets with content types and security headers', async () => {
  const index = await fetch(`${server.url}/`);
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
  const csp = index.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await index.text(), /<script type="module" src="\/js\/app.js">/);
  const js = await fetch(`${server.url}/js/app.js`);
  assert.equal(js.status, 200);
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  const css = await fetch(`${server.url}/styles.css`);
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
});

test('ETag revalidation answers 304 and HEAD has no body', async () => {
  const first = await fetch(`${server.url}/js/api.js`);
  const etag = first.headers.get('etag');
  assert.ok(etag);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await fetch(`${server.url}/js/api.js`, {headers: {'If-None-Match': etag}});
  assert.equal(again.status, 304);
  assert.equal((await again.text()).length, 0);
  const head = await fetch(`${server.url}/js/api.js`, {method: 'HEAD'});
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('etag'), etag);
});

test('no traversal, no hidden or unlisted files, API untouched', async () => {
  for (const path of ['/%2e%2e/CMakeLists.txt', '/js/%2e%2e%2fapp.js', '/js/..%2f..%2fCMakeLists.txt', '/.gitignore',
    '/js/missing.js', '/%2fetc%2fpasswd', '/js/app.js%00.txt']) {
    const answer = await fetch(`${server.url}${path}`);
    assert.equal(answer.status, 404, path);
    await answer.body?.cancel();
  }
  const health = await fetch(`${server.url}/healthz`);
  assert.deepEqual(await health.json(), {status: 'ok'});
  const unknown = await fetch(`${server.url}/api/v1/nothing-here`);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('content-type'), 'application/json');
  await unknown.body?.cancel();
});
