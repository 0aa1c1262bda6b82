// `sse-inspector connect`: runs one engine session and prints its records until it closes.
import { SseConnection } from '../engine/connection';
import type { CloseReason, SseRecord } from '../shared/record';
import type { ConnectCommand } from './args';
import { NdjsonFormatter } from './ndjson';
import { BatchedOutput } from './output';
import { TextOutput } from './textOutput';
import { TableFormatter, tableHeader, type TableStyle } from './table';
import { TimingNotes } from './timingNotes';
import { EXIT } from './usage';

/** Table width when stdout is not a terminal and COLUMNS does not say. */
const PIPE_WIDTH = 120;

const EXIT_BY_REASON: Record<CloseReason, number> = {
  'close-on-event': EXIT.ok,
  ended: EXIT.ok,
  'no-content': EXIT.ok,
  'max-events': EXIT.ok,
  timeout: EXIT.ok,
  user: EXIT.interrupted,
  failed: EXIT.failed,
  'reconnect-limit': EXIT.failed,
};

function tableStyle(stdout: NodeJS.WriteStream): TableStyle {
  const columns = stdout.isTTY ? stdout.columns : Number(process.env.COLUMNS);
  return {
    width: Number.isInteger(columns) && columns > 0 ? columns : PIPE_WIDTH,
    color: stdout.isTTY === true && process.env.NO_COLOR === undefined,
  };
}

/** Prints records as they come; resolves with the exit code once the session has closed. */
export async function runConnect(command: ConnectCommand): Promise<number> {
  const { stdout, stderr } = process;
  for (const note of command.notes) stderr.write(`${note}\n`);
  const style = tableStyle(stdout);
  const output = new BatchedOutput(stdout);
  // Everything received, the events --max-events leaves unshown included: the closing row reports it.
  const received = { events: 0, bytes: 0 };
  const ndjson = new NdjsonFormatter();
  const table = new TableFormatter(style);
  // --text writes the reply's fragments itself; flushing stdout first keeps stderr's lines after what they follow.
  const toStderr = (part: string) => {
    output.flush();
    stderr.write(part);
  };
  const text = command.text ? new TextOutput({ out: (part) => output.addText(part), err: toStderr }, command.path) : undefined;
  const format = command.json
    ? (record: SseRecord) => ndjson.line(record)
    : (record: SseRecord) => table.row(record, record.kind === 'closed' ? received : undefined);
  if (!command.json && !text) output.add(tableHeader(style));
  // Diagnoses go to stderr in every output mode; --text keeps them on lines of their own between thinking.
  const notes = new TimingNotes((line) => (text ? text.note(line) : toStderr(`${line}\n`)));

  // Set by whatever stops the session from outside; the first one names the exit code.
  let stoppedWith: number | undefined;
  let shown = 0;
  const onChunk = (bytes: Uint8Array) => {
    received.bytes += bytes.byteLength;
    return output.backpressure();
  };
  const connection: SseConnection = new SseConnection({ ...command.options, onChunk }, (record) => {
    notes.add(record);
    if (record.kind === 'event') {
      received.events += 1;
      // Records the engine may still deliver from the same chunk after the limit are not shown.
      if (command.maxEvents !== undefined && shown >= command.maxEvents) return;
      shown += 1;
    }
    if (text) text.write(record);
    else output.add(format(record));
    if (record.kind === 'event' && shown === command.maxEvents) connection.close('max-events');
  });

  const stopBy = (code: number) => () => {
    stoppedWith ??= code;
    connection.close('user');
  };
  const onInterrupt = stopBy(EXIT.interrupted);
  const onTerminate = stopBy(EXIT.terminated);
  // The reader went away (`| head`): nothing left to print to, which is a normal end.
  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stopBy(EXIT.ok)();
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onTerminate);
  stdout.on('error', onOutputError);
  const timer = command.timeoutMs === undefined ? undefined : setTimeout(() => connection.close('timeout'), command.timeoutMs);

  const closed = await connection.done;
  output.flush();
  notes.close();
  clearTimeout(timer);
  process.off('SIGINT', onInterrupt);
  process.off('SIGTERM', onTerminate);
  return closed.reason === 'user' ? (stoppedWith ?? EXIT.interrupted) : EXIT_BY_REASON[closed.reason];
}
