// Reads scenario files from disk into served scenarios, refusing a bad or oversized one with a message naming it.
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ServedScenario } from './serve';
import { MAX_SCENARIO_BYTES } from './types';
import { MAX_RECORDING_BYTES, recordingToScenario } from '../replay';
import { parseScenario } from './validate';

/** `/name` from `name.sse.json`, keeping only characters a path may carry unescaped. */
export function pathFromFileName(file: string): string {
  const base = path.basename(file).replace(/\.sse\.json$|\.json$/i, '');
  return `/${base.replace(/[^A-Za-z0-9._~-]/g, '-') || 'scenario'}`;
}

/** Reads at most one byte past the cap, so a huge file is refused without being read whole. */
async function readCapped(file: string, cap: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(cap + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function read(file: string, cap: number): Promise<Uint8Array> {
  try {
    return await readCapped(file, cap);
  } catch (error) {
    throw new Error(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Loads a recording to serve at /replay; throws an Error naming the file (and line) when it is not one. */
export async function loadRecordingFile(file: string, speed: number): Promise<ServedScenario> {
  const bytes = await read(file, MAX_RECORDING_BYTES);
  if (bytes.byteLength > MAX_RECORDING_BYTES) throw new Error(`${file}: too large (the limit is ${MAX_RECORDING_BYTES} bytes)`);
  return { path: '/replay', source: file, scenario: recordingToScenario(new TextDecoder().decode(bytes), file, speed) };
}

/** Loads one file; throws an Error whose message names the file and the place of the mistake. */
export async function loadScenarioFile(file: string): Promise<ServedScenario> {
  const bytes = await read(file, MAX_SCENARIO_BYTES);
  const result = parseScenario(bytes, file);
  if (!result.ok) throw new Error(result.error);
  return { path: result.scenario.path ?? pathFromFileName(file), source: file, scenario: result.scenario };
}

export interface ServedScenarioList {
  served: ServedScenario[];
  problems: string[];
}

/**
 * Loads many files (a workspace's), keeping the good ones: a bad file, or one whose path is already served (by
 * `taken` or an earlier file), is left out with the reason, so one mistake does not keep the mock from starting.
 */
export async function loadScenarioFiles(files: readonly string[], taken: readonly string[]): Promise<ServedScenarioList> {
  const served: ServedScenario[] = [];
  const problems: string[] = [];
  const paths = new Set(taken);
  for (const file of files) {
    try {
      const scenario = await loadScenarioFile(file);
      if (paths.has(scenario.path)) throw new Error(`${file}: path ${scenario.path} is already served; set another "path"`);
      paths.add(scenario.path);
      served.push(scenario);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { served, problems };
}
