/**
 * The browser host (docs/architecture.md, "The layers"): a loopback HTTP server that serves the
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

/**
 * How long a client may take to send its request. The host is on loopback: a real request of
 * the renderer arrives in milliseconds (a 64 MB paste in well under a second), so a sender that
 * trickles its headers or body is holding a connection open, not sending data. Node's own
 * defaults (five minutes for a request, checked every 30 s) are for the open internet.
 */
export const HOST_TIMEOUTS = {
  headersMs: 10_000,
  requestMs: 30_000,
  /** How often Node looks for requests past those bounds. */
  checkEveryMs: 1_000,
} as const;

export type HostTimeouts = { headersMs: number; requestMs: number; checkEveryMs: number };
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
  timeouts?: HostTimeouts;
}): Promise<RunningHost> {
  const timeouts = options.timeouts ?? HOST_TIMEOUTS;
  const token = crypto.randomBytes(24).toString('base64url');
  let port = 0;

  const server = http.createServer(
    { connectionsCheckingInterval: timeouts.checkEveryMs },
    (req, res) => {
      handle(req, res).catch((err) => {
        console.error('[bieu] lỗi máy chủ:', err);
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Lỗi nội bộ.');
      });
    },
  );
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 421, 'text/plain; charset=utf-8', 'Tên máy không hợp lệ.');
    }
    const url = parseUrl(req.url ?? '/', port);
    if (!url) {
      return send(res, 400, 'text/plain; charset=utf-8', 'Địa chỉ yêu cầu không hợp lệ.');
    }

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
      const name = url.decodedPath.slice('/api/'.length);
      const body = await readBody(req);
      // The client went away or was cut off for being slow: there is no one to answer.
      if (body === ABORTED) return;
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

/**
 * The request's URL, with its path also decoded; null when it is malformed (a broken
 * percent-escape such as "%E0%A4%A"), which is the client's mistake — a 400, not a crash.
 */
function parseUrl(
  raw: string,
  port: number,
): { pathname: string; decodedPath: string; searchParams: URLSearchParams } | null {
  try {
    const url = new URL(raw, `http://127.0.0.1:${port}`);
    const decodedPath = decodeURIComponent(url.pathname);
    return { pathname: url.pathname, decodedPath, searchParams: url.searchParams };
  } catch {
    return null;
  }
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

const ABORTED = Symbol('aborted');

/**
 * The request body as text, null when it is larger than we accept, ABORTED when the client
 * closed the connection or the host cut it off (HOST_TIMEOUTS) before the body ended.
 */
function readBody(req: http.IncomingMessage): Promise<string | null | typeof ABORTED> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(ABORTED));
    req.on('aborted', () => resolve(ABORTED));
  });
}
