// Keeps the last bytes a session's connections received, chunk by chunk with their arrival times, for the Raw
// view: a fixed ring of bytes and a fixed ring of chunk starts, so a session holds at most about 1.5 MiB of it
// however long it runs and however small its chunks are.

import type { RawSnapshot } from '../shared/rawBytes';

/** The bytes kept: the last MiB received, across the session's connections. */
export const RAW_BYTES = 1024 * 1024;
/** The chunk starts kept; a server writing a byte at a time keeps its last this many bytes, each marked. */
export const RAW_CHUNKS = 32 * 1024;

export class RawCapture {
  private ring: Uint8Array | undefined;
  /** Bytes received since the session began; the ring holds the last RAW_BYTES of them. */
  private written = 0;
  // Chunk i (counted since the session began) is at slot i % RAW_CHUNKS.
  private chunkCount = 0;
  private readonly chunkStarts = new Float64Array(RAW_CHUNKS);
  private readonly chunkTimes = new Float64Array(RAW_CHUNKS);
  private readonly chunkConnections = new Uint32Array(RAW_CHUNKS);
  /** Where each connection's bytes begin in `written`, by connection number (1-based; [0] unused). */
  private connectionStarts: number[] = [0];

  constructor(
    private readonly byteCap = RAW_BYTES,
    private readonly chunkCap = RAW_CHUNKS,
  ) {}

  /** A connection opened: the chunks that follow are its body. */
  startConnection(connection: number): void {
    this.connectionStarts[connection] = this.written;
    this.connectionStarts.length = connection + 1;
  }

  add(bytes: Uint8Array, t: number): void {
    const connection = this.connectionStarts.length - 1;
    if (connection === 0 || bytes.byteLength === 0) return;
    const slot = this.chunkCount++ % this.chunkCap;
    this.chunkStarts[slot] = this.written;
    this.chunkTimes[slot] = t;
    this.chunkConnections[slot] = connection;
    this.ring ??= new Uint8Array(this.byteCap);
    // Only the last byteCap bytes of a chunk can be kept.
    const kept = bytes.byteLength > this.byteCap ? bytes.subarray(bytes.byteLength - this.byteCap) : bytes;
    const at = (this.written + bytes.byteLength - kept.byteLength) % this.byteCap;
    const first = Math.min(kept.byteLength, this.byteCap - at);
    this.ring.set(kept.subarray(0, first), at);
    this.ring.set(kept.subarray(first), 0);
    this.written += bytes.byteLength;
  }

  /** What is kept of one connection's body: undefined for a connection that never opened. */
  snapshot(connection: number): RawSnapshot | undefined {
    const begin = this.connectionStarts[connection];
    if (begin === undefined || connection === 0) return undefined;
    const end = connection + 1 < this.connectionStarts.length ? this.connectionStarts[connection + 1] : this.written;
    const oldestChunk = Math.max(0, this.chunkCount - this.chunkCap);
    // Bytes older than the ring, or than the oldest chunk start kept, are not shown.
    const oldestChunkStart = this.chunkCount === 0 ? end : this.chunkStarts[oldestChunk % this.chunkCap];
    const from = Math.min(end, Math.max(begin, this.written - this.byteCap, oldestChunkStart));
    const starts: number[] = [];
    const times: number[] = [];
    for (let index = oldestChunk; index < this.chunkCount; index++) {
      const slot = index % this.chunkCap;
      if (this.chunkConnections[slot] !== connection) continue;
      const start = this.chunkStarts[slot];
      // A chunk cut by the cap shows from the first byte kept.
      if (start >= end) break;
      const next = index + 1 < this.chunkCount ? this.chunkStarts[(index + 1) % this.chunkCap] : this.written;
      if (next <= from) continue;
      starts.push(Math.max(start, from) - from);
      times.push(this.chunkTimes[slot]);
    }
    return {
      connection,
      bytes: Buffer.from(this.read(from, end)).toString('base64'),
      starts,
      times,
      droppedBytes: from - begin,
      connections: this.connectionStarts.length - 1,
    };
  }

  private read(from: number, to: number): Uint8Array {
    const out = new Uint8Array(to - from);
    if (this.ring === undefined || to <= from) return out;
    const at = from % this.byteCap;
    const first = Math.min(out.length, this.byteCap - at);
    out.set(this.ring.subarray(at, at + first), 0);
    out.set(this.ring.subarray(0, out.length - first), first);
    return out;
  }
}
