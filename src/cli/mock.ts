// `sse-inspector mock`: runs the mock server in the foreground until Ctrl-C or SIGTERM.
import { once } from 'node:events';
import { errorText } from '../engine/errorText';
import { MockServer, STREAM_PATH } from '../mock/mockServer';
import { loadRecordingFile, loadScenarioFile } from '../mock/scenario/load';
import { visibleLine } from '../shared/visibleText';
import type { MockCommand } from './args';
import { EXIT } from './usage';

function time(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 23);
}

/** Resolves with the exit code once the server has stopped (or could not start). */
export async function runMock(command: MockCommand): Promise<number> {
  let server: MockServer;
  try {
    const scenarios = await Promise.all((command.scenarios ?? []).map(loadScenarioFile));
    if (command.replay) scenarios.push(await loadRecordingFile(command.replay.file, command.replay.speed));
    server = await MockServer.start({ port: command.port, messageIntervalMs: command.intervalMs, scenarios });
  } catch (error) {
    process.stderr.write(`sse-inspector: ${errorText(error)}\n`);
    return EXIT.failed;
  }
  const stream = `${server.url}${STREAM_PATH}`;
  process.stdout.write(
    `Mock SSE server listening on ${server.url}\n` +
      `Stream:  ${stream}\n` +
      `Try:     sse-inspector connect ${stream}\n` +
      'Query:   interval=<ms> count=<n> ids retry=<ms> drop=<n> burst=<n> cors=reflect|star|none variant=ashx|core\n' +
      server
        .index()
        .streams.slice(1)
        .map(({ path, source }) => `Scenario: ${server.url}${path} (${visibleLine(source)})\n`)
        .join('') +
      'Press Ctrl-C to stop.\n',
  );
  // One line per request and per close; headers are left out, as they may carry credentials.
  server.onDidChange((request) => {
    // The method and target are whatever a client sent: shown with control and bidi characters escaped.
    const target = visibleLine(`${request.method} ${request.url}`);
    const what = request.closedAt === undefined ? target : `closed ${target}`;
    process.stdout.write(`${time(request.closedAt ?? request.startedAt)} ${what}\n`);
  });

  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await server.stop();
  process.stdout.write('Mock server stopped.\n');
  return EXIT.ok;
}
