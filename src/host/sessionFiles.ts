// Where panels keep their sessions for a window reload: one file per panel in the extension's global storage,
// named by a random key the webview saves with its state; files left by panels that never came back are removed.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { SessionArchive, loadSession, type ArchiveLog, type LoadedSession } from '../session/sessionArchive';

/** A kept session not touched for this long belongs to no panel any more. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;
/** All kept sessions together stay under this; the oldest go first. */
const ALL_SESSIONS_BYTES = 256 * 1024 * 1024;
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class SessionFiles {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    private readonly log: ArchiveLog,
  ) {}

  /** An empty archive for a new panel. */
  create(): SessionArchive {
    const key = randomUUID();
    this.prepare();
    return new SessionArchive(key, this.fileOf(key), this.log);
  }

  /** The archive a restored panel's saved state names, and what it holds; a new one when there is none. */
  async reopen(savedKey: unknown): Promise<{ archive: SessionArchive; loaded?: LoadedSession }> {
    await this.prepare();
    if (typeof savedKey !== 'string' || !KEY.test(savedKey)) return { archive: this.create() };
    const file = this.fileOf(savedKey);
    const loaded = await loadSession(file);
    if (loaded === undefined) return { archive: this.create() };
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    const archive = new SessionArchive(savedKey, file, this.log);
    archive.resume(loaded);
    return { archive, loaded };
  }

  /** Makes the folder, once, and removes stale sessions and the oldest beyond the total cap. */
  private prepare(): Promise<void> {
    this.ready ??= this.tidy().catch((error: unknown) => this.log.warn(`Could not tidy the kept sessions: ${String(error)}`));
    return this.ready;
  }

  private async tidy(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const files = await Promise.all(
      (await readdir(this.dir))
        .filter((name) => name.endsWith('.ndjson'))
        .map(async (name) => ({ file: path.join(this.dir, name), info: await stat(path.join(this.dir, name)) })),
    );
    files.sort((a, b) => b.info.mtimeMs - a.info.mtimeMs);
    let total = 0;
    for (const { file, info } of files) {
      total += info.size;
      if (Date.now() - info.mtimeMs > STALE_MS || total > ALL_SESSIONS_BYTES) await rm(file, { force: true });
    }
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${key}.ndjson`);
  }
}
