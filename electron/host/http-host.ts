/**
 * The browser host (DESIGN.md "One API, two transports"): a loopback HTTP server that serves the
 * built renderer and carries the same API calls as Electron's IPC. It is how the e2e tests drive
 * the real renderer in Chromium, and how the app runs where Electron's binary is missing.
 *
 * Security, because any web page the user visits can send requests to 127.0.0.1:
 * - it listens on 127.0.0.1 only, on a random port;
 * - a random per-run token is required on every request: in the first page's URL (then kept in an
 *   HttpOnly, SameSite=Strict cookie for the page's own assets) and in the X-Bieu-Token header of
 *   every API call — a custom header, which a cross-site page cannot send without a CORS
 *   preflight that we never grant;
 * - the Host header must name this server (against DNS rebinding).
 */
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { resolveStatic } from './static-files';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startHttpHost(options: {
  handlers: Handlers;
  rendererDir: string;
  port?: number;
}): Promise<RunningHost> {
  const token = crypto.randomBytes(24).toString('base64url');
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[bieu] lỗi máy chủ:', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Lỗi nội bộ.');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 421, 'text/plain; charset=utf-8', 'Tên máy không hợp lệ.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, 'text/plain; charset=utf-8', 'Chỉ nhận POST.');
      if (!sameToken(req.headers['x-bieu-token'])) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Thiếu hoặc sai mã truy cập.');
      }
      const origin = req.headers.origin;
      if (
        origin &&
        origin !== `http://127.0.0.1:${port}` &&
        origin !== `http://localhost:${port}`
      ) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Nguồn gọi không hợp lệ.');
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      const body = await readBody(req);
      let input: unknown;
      if (body === null) {
        return sendJson(res, 413, {
          ok: false,
          error: 'Dữ liệu gửi lên quá lớn.',
          code: 'bad-input',
        });
      }
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
          code: 'bad-input',
        });
      }
      const reply = await dispatch(options.handlers, name, input);
      return sendJson(res, 200, reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'Phương thức không được phép.');
    }
    const fromQuery = url.searchParams.get('token');
    const fromCookie = readCookie(req.headers.cookie, 'bieu_token');
    if (!sameToken(fromQuery ?? fromCookie ?? undefined)) {
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Thiếu hoặc sai mã truy cập. Hãy mở đúng địa chỉ mà Biểu đã in ra.',
      );
    }
    const found = resolveStatic(options.rendererDir, url.pathname);
    if (!found) return send(res, 404, 'text/plain; charset=utf-8', 'Không có tệp này.');
    const headers: Record<string, string> = {};
    if (fromQuery) {
      headers['Set-Cookie'] = `bieu_token=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, {
      ...securityHeaders(),
      ...headers,
      'Content-Type': found.type,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(found.file).pipe(res);
  }

  function sameToken(candidate: string | string[] | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    // The token travels in the first URL: never leak it in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** The request body as text, or null when it is larger than we accept. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
