// Undoes a response's Content-Encoding (gzip, deflate, br) as a browser does, so the parser sees the event stream.

import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

// Sync flushes give the parser each event as soon as the server flushed it, and a body cut without its trailer
// ends quietly, as in a browser; corrupt bytes still fail.
const ZLIB = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI = { flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };

/** "deflate" means zlib-wrapped data, but servers also send raw deflate; browsers take both, judging by the first byte. */
class InflateEither extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.inner === undefined) {
      if (chunk.length === 0) return done();
      this.inner = (chunk[0] & 0x0f) === 0x08 ? zlib.createInflate(ZLIB) : zlib.createInflateRaw(ZLIB);
      this.inner.on('data', (part: Buffer) => this.push(part));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, done);
  }

  override _flush(done: TransformCallback): void {
    if (this.inner === undefined) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }
}

function decoder(coding: string): Transform | undefined {
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip(ZLIB);
  if (coding === 'deflate') return new InflateEither();
  if (coding === 'br') return zlib.createBrotliDecompress(BROTLI);
  return undefined;
}

/**
 * The body with its codings undone, last applied first. Like fetch, a coding it does not know leaves the body
 * as it came. An error anywhere (the socket or corrupt data) destroys the returned stream with that error.
 */
export function decodeBody(body: Readable, contentEncoding: string | undefined): Readable {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return body;
  const decoders: Transform[] = [];
  for (const coding of codings.reverse()) {
    const step = decoder(coding);
    if (step === undefined) return body;
    decoders.push(step);
  }
  return pipeline([body, ...decoders], () => undefined) as unknown as Readable;
}
