/**
 * The browser host over real loopback HTTP, with a real document session behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../../electron/app-bootstrap';
import { createHandlers } from '../../electron/api/handlers';
import { startHttpHost, type RunningHost } from '../../electron/host/http-host';

let home: string;
let host: RunningHost;
let closeSession: () => void;

function request(
  pathAndQuery: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathAndQuery,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bieu-Token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-host-'));
  const rendererDir = path.join(home, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Biểu</title>');
  fs.writeFileSync(path.join(home, 'secret.txt'), 'không được lộ');
  const app = bootstrap({ env: { BIEU_HOME: home } });
  closeSession = () => app.session.close();
  const handlers = createHandlers(app.session, {
    version: 'test',
    transport: 'browser',
    paths: app.paths,
  });
  host = await startHttpHost({ handlers, rendererDir });
});

afterAll(async () => {
  await host.close();
  closeSession();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('browser host', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(host.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=${host.token}$`),
    );
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page only with the token, then by cookie', async () => {
    expect((await request('/')).status).toBe(403);
    expect((await request('/?token=wrong')).status).toBe(403);
    const page = await request(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Biểu</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(
      (await request('/index.html', { headers: { Cookie: cookie.split(';')[0] } })).status,
    ).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await request(`/?token=${host.token}`, {
      headers: { Host: `evil.example:${host.port}` },
    });
    expect(r.status).toBe(421);
    const a = await api('app.info', {}, { Host: 'evil.example' });
    expect(a.status).toBe(421);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await request(`/..%2fsecret.txt?token=${host.token}`);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('không được lộ');
  });

  it('requires the token header on API calls, and a same-origin caller', async () => {
    const noToken = await request('/api/app.info', { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(403);
    const foreign = await api('app.info', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('answers a call, with the sample document opened on first start', async () => {
    const info = JSON.parse((await api('app.info', {})).body);
    expect(info).toMatchObject({ ok: true, value: { transport: 'browser', nativeDialogs: false } });
    const doc = JSON.parse((await api('document.current', {})).body);
    expect(doc.ok).toBe(true);
    expect(doc.value.tables.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad arguments and bad JSON with a Vietnamese message', async () => {
    const bad = JSON.parse((await api('table.get', { tableId: 'x' })).body);
    expect(bad).toMatchObject({ ok: false, code: 'bad-input' });
    expect(bad.error).toContain('tableId');
    const junk = await api('table.get', '{not json');
    expect(junk.status).toBe(400);
    expect(JSON.parse(junk.body).error).toContain('JSON');
  });
});
