// Keeps a panel's sessions on disk, so a window reload brings their rows back: each session a line naming its URL
// then its records as export NDJSON lines (no credential values), appended in batches, the whole file up to a byte
// cap (the oldest sessions go first). Plain Node: the host gives it a file path.
// Writes are synchronous and small (one batch every half second, and nothing past the cap): a reload may end the
// extension host at any moment, and the file must then hold whole lines in order.

import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import type { SseRecord } from '../shared/record';
import { maskSecrets } from '../shared/redact';
import { withoutCredentials } from './exportRecords';
import { asRecord } from './recordShape';

/** Bytes of records a panel keeps on disk for a reload; the records after it are not kept (and counted). */
export const ARCHIVE_BYTES = 32 * 1024 * 1024;
/** How long appended lines wait before they are written together. */
const FLUSH_MS = 500;

export interface ArchiveLog {
  warn(text: string): void;
}

/** An earlier session read back: the URL it connected to (credential values masked) and its records. */
export interface ArchivedSession {
  url: string | undefined;
  records: SseRecord[];
}

export interface LoadedSession {
  /** The last session's records: the panel's live one when the window reloaded. */
  records: SseRecord[];
  /** The URL the last session connected to; undefined in a file from before sessions were marked. */
  url?: string;
  /** The sessions before it, oldest first. */
  earlier: ArchivedSession[];
  /** Records the cap kept off the disk, or lines that did not read back as records. */
  notKept: number;
}

/** Where a loaded file's sessions start, in bytes, for the archive that goes on writing it. */
export interface ArchiveLayout {
  /** Each session's first line (its marker, if it has one). */
  starts: number[];
  /** Where the last session's records begin. */
  recordsAt: number;
  /** The file's whole lines. */
  wholeBytes: number;
}

/** The line that starts a session in the file. */
interface SessionMarker {
  session: { url: string };
}

export class SessionArchive {
  private pending: string[] = [];
  /** UTF-16 length of the pending lines (within a factor of 3 of their bytes: close enough for a cap on disk use). */
  private pendingBytes = 0;
  /** Exact bytes in the file. */
  private fileBytes = 0;
  /** Byte offset of each kept session's first line, oldest first; the last is the live session's. */
  private starts: number[] = [];
  /** Where the live session's records begin (after its marker). */
  private recordsAt = 0;
  private notKept = 0;
  /** A record did not fit: the session's later records are not kept either, so the rows stay a prefix. */
  private full = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** A write failed: nothing more is written (what the archive knows of the file's layout may no longer match it). */
  private failed = false;

  constructor(
    /** Names the archive in the webview's saved state, to find it again after a reload (not a secret). */
    readonly key: string,
    readonly file: string,
    private readonly log: ArchiveLog,
    private readonly capBytes = ARCHIVE_BYTES,
  ) {}

  /**
   * A new session, connected to `url`: it gets a marker line (the URL with `secrets` masked), after the sessions kept
   * before it. Those go, oldest first, while there would be `maxSessions` or more, or while they fill half the cap.
   */
  startSession(url: string, secrets: readonly string[], maxSessions: number): void {
    if (this.closed || this.failed) return;
    this.flush();
    this.resetSession();
    // A live session left with nothing (cleared) is not kept, as the panel does not keep it: its marker goes too.
    const emptyLive = this.starts.length > 0 && this.fileBytes === this.recordsAt ? this.starts.pop() : undefined;
    if (emptyLive !== undefined) this.truncateTo(emptyLive);
    let drop = 0;
    while (
      drop < this.starts.length &&
      (this.starts.length - drop >= maxSessions || this.fileBytes - this.starts[drop] > this.capBytes / 2)
    ) {
      drop += 1;
    }
    if (drop > 0) this.dropBefore(drop < this.starts.length ? this.starts[drop] : this.fileBytes);
    const marker: SessionMarker = { session: { url: maskSecrets(url, secrets) } };
    const line = `${JSON.stringify(marker)}\n`;
    // Written with the session's first records (the folder may still be being made): nothing else is pending, so
    // its place in the file is exact.
    this.starts.push(this.fileBytes);
    this.recordsAt = this.fileBytes + Buffer.byteLength(line);
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** The live session was cleared: its records leave the file, its marker and the sessions before it stay. */
  clearLive(): void {
    if (this.closed) return;
    this.flush();
    this.resetSession();
    this.truncateTo(this.recordsAt);
  }

  /** Continues an archive loaded after a reload, whose records the file already holds. */
  resume(loaded: LoadedSession & ArchiveLayout): void {
    this.starts = [...loaded.starts];
    this.recordsAt = loaded.recordsAt;
    this.fileBytes = loaded.wholeBytes;
    this.notKept = loaded.notKept;
    // Whole lines only: a line cut by the end of the last host is dropped before anything is appended.
    this.write(() => truncateSync(this.file, loaded.wholeBytes));
  }

  /** Keeps one record; `secrets` are the session's credential values, replaced as in an export. */
  append(record: SseRecord, secrets: readonly string[]): void {
    if (this.closed || this.failed) return;
    // Once full, a fast stream's records cost no more than this count.
    if (this.full) {
      this.notKept += 1;
      return;
    }
    const line = `${JSON.stringify(withoutCredentials(record, secrets))}\n`;
    // UTF-16 length is within a factor of 3 of the UTF-8 bytes; the cap is about the disk, so this is close enough.
    if (this.fileBytes + this.pendingBytes + line.length > this.capBytes) {
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
    clearTimeout(this.timer);
    this.timer = undefined;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    if (text === '' || this.failed) return;
    // The folder too: the host makes it asynchronously, and a first write must not race it.
    const written = this.write(() => {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, text);
    });
    if (written) this.fileBytes += Buffer.byteLength(text);
  }

  private truncateTo(offset: number): void {
    if (this.failed) return;
    if (this.write(() => truncateSync(this.file, offset))) this.fileBytes = offset;
  }

  private resetSession(): void {
    this.notKept = 0;
    this.full = false;
  }

  /** Drops the file's bytes before `offset` (whole sessions), moving the rest to the front. */
  private dropBefore(offset: number): void {
    if (this.failed) return;
    // Written aside, then renamed over the file: a host ending meanwhile leaves the old file whole.
    const aside = `${this.file}.tmp`;
    if (!this.write(() => writeFileSync(aside, readFileSync(this.file).subarray(offset)))) return;
    if (!this.write(() => renameSync(aside, this.file))) return;
    this.starts = this.starts.filter((start) => start >= offset).map((start) => start - offset);
    this.fileBytes -= offset;
    this.recordsAt = Math.max(0, this.recordsAt - offset);
  }

  /**
   * Runs a file operation. When it fails the archive stops (with a warning): what it knows of the file's layout
   * would no longer match the file, and a later truncation could cut a record in half.
   */
  private write(action: () => void): boolean {
    try {
      action();
      return true;
    } catch (error) {
      this.log.warn(`Could not keep the session for a reload: ${String(error)}; this panel's sessions are no longer kept.`);
      this.failed = true;
      return false;
    }
  }
}

/**
 * Reads kept sessions back. The file is the extension's own, but it is read as untrusted: a file larger than the
 * cap is refused, and a line that is neither a session marker nor a record object is skipped and counted.
 */
export async function loadSession(file: string, capBytes = ARCHIVE_BYTES): Promise<(LoadedSession & ArchiveLayout) | undefined> {
  const size = await stat(file).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined || size > capBytes * 3) return undefined;
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return undefined;
  // A host ended mid-write leaves a line without its end: it is not a record, and the next write starts after it.
  const wholeBytes = bytes.lastIndexOf(10) + 1;
  const sessions: Array<ArchivedSession & { start: number; recordsAt: number }> = [];
  let notKept = wholeBytes < bytes.length ? 1 : 0;
  for (let at = 0; at < wholeBytes;) {
    const end = bytes.indexOf(10, at);
    const line = bytes.toString('utf8', at, end);
    const url = line === '' ? undefined : markerUrl(line);
    if (url !== undefined) {
      sessions.push({ url, records: [], start: at, recordsAt: end + 1 });
    } else if (line !== '') {
      const record = parseRecord(line);
      // Records before any marker come from a file written before sessions were marked: one session.
      if (sessions.length === 0) sessions.push({ url: undefined, records: [], start: 0, recordsAt: 0 });
      const kept = sessions[sessions.length - 1].records;
      // Records go up in seq within a session (the store finds them by it): one that does not is damage, skipped.
      if (record === undefined || record.seq <= (kept.at(-1)?.seq ?? 0)) notKept += 1;
      else kept.push(record);
    }
    at = end + 1;
  }
  const last = sessions.pop() ?? { url: undefined, records: [], start: 0, recordsAt: 0 };
  return {
    records: last.records,
    url: last.url,
    earlier: sessions.map(({ url, records }) => ({ url, records })),
    notKept,
    starts: [...sessions.map((session) => session.start), ...(last.url === undefined && last.records.length === 0 ? [] : [last.start])],
    recordsAt: last.recordsAt,
    wholeBytes,
  };
}

/** The URL of a session marker line; undefined for any other line. */
function markerUrl(line: string): string | undefined {
  if (!line.startsWith('{"session":')) return undefined;
  try {
    const url = (JSON.parse(line) as Partial<SessionMarker>).session?.url;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

function parseRecord(line: string): SseRecord | undefined {
  try {
    return asRecord(JSON.parse(line));
  } catch {
    return undefined;
  }
}
