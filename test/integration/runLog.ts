// Where a host run's log lines go: all of them to a file under out/logs/, and to the console only what a reader
// of `npm test` needs (the suite's own output), with VS Code's known harmless complaints labelled as expected.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/vscodeServer';

/** Workbench chatter that says nothing about the extension: kept in the file only. */
const QUIET = [
  /^RUNNER STEP /,
  /Ignoring fetching additional builtin extensions/,
  /Updating additional builtin extensions cache/,
  /ChatSessionStore/,
];

/**
 * Errors VS Code's web workbench logs on every run here, whatever the extension does: a webview disposed while its
 * overlay still resizes, and a window reload in the browser build, which cannot wait for shutdown work.
 */
const EXPECTED = [
  /OverlayWebview has been disposed/,
  /Long running operations during shutdown are unsupported in the web/,
  /Cannot read properties of undefined \(reading 'extensionHost'\)/,
];

const TAIL_LINES = 40;

export class RunLog {
  readonly file: string;
  private readonly tail: string[] = [];

  constructor(label: string) {
    const dir = join(repoRoot, 'out', 'logs');
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, `${label.replace(/[^\w.-]+/g, '-')}.log`);
    writeFileSync(this.file, '');
  }

  /** A line for the file only (code-server's own log, workbench chatter). */
  record(line: string): void {
    appendFileSync(this.file, `${line}\n`);
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
  }

  /**
   * One message the extension host logged (possibly several lines): shown unless it is chatter; an expected
   * error is shown as one labelled line, its stack kept in the file.
   */
  message(prefix: string, level: string, text: string): void {
    const lines = text.split('\n');
    for (const line of lines) this.record(`${prefix}${level === 'info' ? '' : ` ${level}`} ${line}`);
    if (QUIET.some((pattern) => pattern.test(text))) return;
    if (level !== 'info' && EXPECTED.some((pattern) => pattern.test(text))) {
      console.log(`${prefix} (expected, harmless) ${level}: ${lines[0]}`);
      return;
    }
    for (const line of lines) console.log(`${prefix}${level === 'info' ? '' : ` ${level}`} ${line}`);
  }

  /** After a failure: the last lines of the file, so the cause is on screen. */
  printTail(): void {
    console.log(`last ${this.tail.length} lines of ${this.file}:\n  ${this.tail.join('\n  ')}`);
  }
}
