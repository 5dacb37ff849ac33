/**
 * Reads a response body as a stream, undoing Content-Encoding ourselves so that every cap is
 * enforced while bytes arrive: a 2 GB body or a gzip bomb stops after the cap, never after
 * it has been buffered. Aborting the signal (the total deadline) stops a slow drip.
 */
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { CapError } from './fetch-result.ts';

/** Size limits for one body. */
export interface BodyCaps {
  /** Bytes received on the wire (compressed as sent). */
  maxBytes: number;
  /** Bytes after content decoding. */
  maxDecompressedBytes: number;
  /** Largest decoded/received ratio tolerated once output passes RATIO_FLOOR. */
  maxRatio: number;
}

// Small compressed bodies legitimately expand a lot (a 2 KB gzip of repetitive HTML can be
// 200 KB), so the ratio is only judged past this much output.
const RATIO_FLOOR = 1024 * 1024;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Parses Content-Encoding into the list of codings to undo, outermost last. Throws CapError. */
export function contentCodings(header: string | undefined): string[] {
  if (!header) return [];
  const codings = header.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  for (const c of codings) {
    if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(c)) throw new CapError('bad-response', `unsupported content encoding "${c}"`);
  }
  return codings;
}

/** Drops a body we will not read, freeing its connection; the abort must not become an uncaught error. */
export function discardBody(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function decoderFor(coding: string): Transform {
  // Lenient flush like browsers and curl: a gzip stream cut short still yields what arrived.
  if (coding === 'br') return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  if (coding === 'deflate') return zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/**
 * Reads `body` to a Buffer within `caps`, decoding `contentEncoding`. Rejects with CapError
 * ('too-large', 'decompression-bomb', 'bad-response') or the abort/stream error.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, caps: BodyCaps, signal: AbortSignal): Promise<Buffer> {
  let codings: string[];
  try {
    codings = contentCodings(contentEncoding);
  } catch (err) {
    discardBody(body);
    throw err;
  }
  const compressed = codings.length > 0;
  let received = 0;
  let produced = 0;
  const chunks: Buffer[] = [];

  const countWire = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      received += chunk.length;
      if (received > caps.maxBytes) return cb(new CapError('too-large', `the body is larger than ${mb(caps.maxBytes)}`));
      cb(null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      produced += chunk.length;
      const ratio = produced / Math.max(received, 1);
      if (compressed && produced > RATIO_FLOOR && ratio > caps.maxRatio) {
        return cb(new CapError('decompression-bomb', `the compressed body expands more than ${caps.maxRatio}× (decompression bomb)`));
      }
      if (compressed && produced > caps.maxDecompressedBytes) {
        return cb(new CapError('too-large', `the body is larger than ${mb(caps.maxDecompressedBytes)} once decompressed`));
      }
      chunks.push(chunk);
      cb();
    },
  });
  // Codings are listed in the order they were applied, so they are undone in reverse.
  const decoders = codings.reverse().map(decoderFor);
  await pipeline([body, countWire, ...decoders, sink], { signal });
  return Buffer.concat(chunks);
}
