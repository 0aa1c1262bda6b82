// The mock server's burst as bytes for the in-process benchmarks, cut as a socket would hand it over.

/**
 * `events` blocks of `data: N` (with `id: N` lines when `ids`), then `tail`, in the uneven 64 KiB-ish pieces a
 * socket hands over.
 */
export function burstChunks(events: number, ids: boolean, tail = ''): Buffer[] {
  const lines: string[] = [];
  for (let n = 1; n <= events; n++) lines.push(ids ? `id: ${n}\ndata: ${n}\n\n` : `data: ${n}\n\n`);
  lines.push(tail);
  const all = Buffer.from(lines.join(''));
  const chunks: Buffer[] = [];
  for (let at = 0; at < all.length;) {
    const length = 65_536 - (at % 977);
    chunks.push(all.subarray(at, at + length));
    at += length;
  }
  return chunks;
}
