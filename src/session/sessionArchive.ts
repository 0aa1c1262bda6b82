// Keeps a panel's current session on disk, so a window reload brings its rows back: the records as export NDJSON
// lines (no credential values), appended in batches, up to a byte cap. Plain Node: the host gives it a file path.
// Writes are synchronous and small (one batch every half second, and nothing past the cap): a reload may end the
// extension host at any moment, and the file must then hold whole lines in order.

import { appendFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { SseRecord } from '../shared/record';
import { withoutCredentials } from './exportRecords';
import { asRecord } from './recordShape';

/** Bytes of records a panel keeps on disk for a reload; the records after it are not kept (and counted). */
export const ARCHIVE_BYTES = 32 * 1024 * 1024;
/** How long appended lines wait before they are written together. */
const FLUSH_MS = 500;

export interface ArchiveLog {
  warn(text: string): void;
}

export interface LoadedSession {
  records: SseRecord[];
  /** Records the cap kept off the disk, or lines that did not read back as records. */
  notKept: number;
}

export class SessionArchive {
  private pending: string[] = [];
  private pendingBytes = 0;
  private writtenBytes = 0;
  private notKept = 0;
  /** A record did not fit: the session's later records are not kept either, so the rows stay a prefix. */
  private full = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    /** Names the archive in the webview's saved state, to find it again after a reload (not a secret). */
    readonly key: string,
    readonly file: string,
    private readonly log: ArchiveLog,
    private readonly capBytes = ARCHIVE_BYTES,
  ) {}

  /** A new session: what the file held is replaced. */
  restart(): void {
    if (this.closed) return;
    this.pending = [];
    this.pendingBytes = 0;
    this.writtenBytes = 0;
    this.notKept = 0;
    this.full = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write(() => writeFileSync(this.file, ''));
  }

  /** Continues an archive loaded after a reload, whose records the file already holds. */
  resume(loaded: LoadedSession & { bytes: number; wholeBytes: number }): void {
    this.writtenBytes = loaded.bytes;
    this.notKept = loaded.notKept;
    // Whole lines only: a line cut by the end of the last host is dropped before anything is appended.
    this.write(() => truncateSync(this.file, loaded.wholeBytes));
  }

  /** Keeps one record; `secrets` are the session's credential values, replaced as in an export. */
  append(record: SseRecord, secrets: readonly string[]): void {
    if (this.closed) return;
    // Once full, a fast stream's records cost no more than this count.
    if (this.full) {
      this.notKept += 1;
      return;
    }
    const line = `${JSON.stringify(withoutCredentials(record, secrets))}\n`;
    // UTF-16 length is within a factor of 3 of the UTF-8 bytes; the cap is about the disk, so this is close enough.
    if (this.writtenBytes + this.pendingBytes + line.length > this.capBytes) {
      this.full = true;
      this.notKept += 1;
      return;
    }
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Records the cap kept off the disk so far. */
  get recordsNotKept(): number {
    return this.notKept;
  }

  /** The extension is going away (a reload): what is pending is written now, as the host may end any moment. */
  closeKeeping(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.flush();
  }

  /** The user closed the panel: its session is not needed again. */
  discard(): void {
    if (this.closed) return; // Kept for a reload already.
    this.closed = true;
    clearTimeout(this.timer);
    this.write(() => rmSync(this.file, { force: true }));
  }

  private flush(): void {
    this.timer = undefined;
    const text = this.pending.join('');
    this.writtenBytes += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    if (text !== '') this.write(() => appendFileSync(this.file, text));
  }

  private write(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.log.warn(`Could not keep the session for a reload: ${String(error)}`);
    }
  }
}

/**
 * Reads a kept session back. The file is the extension's own, but it is read as untrusted: a file larger than the
 * cap is refused, and a line that is not a record object is skipped and counted.
 */
export async function loadSession(
  file: string,
  capBytes = ARCHIVE_BYTES,
): Promise<(LoadedSession & { bytes: number; wholeBytes: number }) | undefined> {
  const size = await stat(file).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined || size > capBytes * 3) return undefined;
  const read = await readFile(file, 'utf8').catch(() => undefined);
  if (read === undefined) return undefined;
  // A host ended mid-write leaves a line without its end: it is not a record, and the next write starts after it.
  const text = read.slice(0, read.lastIndexOf('\n') + 1);
  const records: SseRecord[] = [];
  let notKept = text.length < read.length ? 1 : 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const record = parseRecord(line);
    if (record === undefined) notKept += 1;
    else records.push(record);
  }
  return { records, notKept, bytes: text.length, wholeBytes: Buffer.byteLength(text) };
}

function parseRecord(line: string): SseRecord | undefined {
  try {
    return asRecord(JSON.parse(line));
  } catch {
    return undefined;
  }
}
