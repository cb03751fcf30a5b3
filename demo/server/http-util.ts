/**
 * Small HTTP helpers for the emulator's handlers: bounded JSON body reading and JSON answers.
 * Reading never throws and never buffers more than the given limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: 'too-large' | 'bad-json' | 'aborted' };

export function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' }): void => {
      if (done) return;
      done = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        // Stop reading; the handler answers and the connection is closed after the answer.
        req.pause();
        return finish({ ok: false, reason: 'too-large' });
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ ok: false, reason: 'aborted' }));
    req.on('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}

export async function readJson(req: IncomingMessage, limit = 256 * 1024): Promise<BodyResult> {
  const body = await readBody(req, limit);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown };
  } catch {
    return { ok: false, reason: 'bad-json' };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, closeAfter = false): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(closeAfter ? { connection: 'close' } : {}),
  });
  res.end(text);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The demo pages may live on another origin (e.g. a Shopify-like page); the dev API allows it. */
export function allowCors(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type');
  res.setHeader('access-control-max-age', '600');
}
