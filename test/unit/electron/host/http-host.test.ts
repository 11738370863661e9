/**
 * The browser host over real loopback HTTP, with a real document session behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../../../../electron/app-bootstrap';
import { createHandlers } from '../../../../electron/api/handlers';
import {
  HOST_TIMEOUTS,
  startHttpHost,
  type RunningHost,
} from '../../../../electron/host/http-host';

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

describe('browser host against malformed and slow requests', () => {
  it('answers a malformed URL with 400 and one sentence, logging no stack trace', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      for (const bad of ['/api/%E0%A4%A', `/%E0%A4%A?token=${host.token}`]) {
        const r = bad.startsWith('/api/')
          ? await api(bad.slice('/api/'.length), {})
          : await request(bad);
        expect(r.status, bad).toBe(400);
        expect(r.body).toMatch(/^Địa chỉ yêu cầu không hợp lệ/);
      }
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });

  /** Opens a raw connection, writes `text`, and resolves with how long the server kept it open. */
  function heldOpen(port: number, text: string): Promise<{ ms: number; reply: string }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
      let reply = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => (reply += d));
      socket.on('error', reject);
      socket.on('close', () => resolve({ ms: Date.now() - started, reply }));
    });
  }

  it('bounds the time for headers and for the body: a slow sender is cut off', async () => {
    const slowHome = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-host-slow-'));
    const app = bootstrap({ env: { BIEU_HOME: slowHome } });
    const handlers = createHandlers(app.session, {
      version: 'test',
      transport: 'browser',
      paths: app.paths,
    });
    const slow = await startHttpHost({
      handlers,
      rendererDir: path.join(home, 'renderer'),
      timeouts: { headersMs: 400, requestMs: 800, checkEveryMs: 100 },
    });
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const headers = await heldOpen(slow.port, 'POST /api/app.info HTTP/1.1\r\nHost: 127.0');
      expect(headers.ms).toBeLessThan(3000);
      const body = await heldOpen(
        slow.port,
        `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nX-Bieu-Token: ${slow.token}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
      );
      expect(body.ms).toBeLessThan(3000);
      expect(body.reply).toMatch(/^HTTP\/1\.1 408/);
      expect(logged, 'a slow client is not a server error').toEqual([]);
    } finally {
      console.error = original;
      await slow.close();
      app.session.close();
      fs.rmSync(slowHome, { recursive: true, force: true });
    }
  });

  it('the defaults are bounded for a loopback host', () => {
    expect(HOST_TIMEOUTS.headersMs).toBeLessThanOrEqual(10_000);
    expect(HOST_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
  });
});
