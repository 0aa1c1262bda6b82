// Serves scenarios at their paths: counts each path's attempts and plays the compiled bytes of the one due.
import type * as http from 'node:http';
import type { Clock } from '../../engine/clock';
import { play } from '../play';
import { attemptFor, compileAttempt } from './compile';
import type { Scenario } from './types';

/** A scenario with where it is served and where it came from (a file, or `built-in`). */
export interface ServedScenario {
  path: string;
  source: string;
  scenario: Scenario;
}

export class ScenarioRoutes {
  private readonly byPath = new Map<string, ServedScenario>();
  private readonly attempts = new Map<string, number>();

  constructor(
    scenarios: readonly ServedScenario[],
    private readonly reserved: readonly string[],
  ) {
    for (const served of scenarios) this.add(served);
  }

  /** Serves one more scenario (a replay added while the server runs); throws when its path is taken. */
  add(served: ServedScenario): void {
    if (this.reserved.includes(served.path) || this.byPath.has(served.path)) {
      throw new Error(`${served.source}: path ${served.path} is already served`);
    }
    this.byPath.set(served.path, served);
  }

  /** Stops serving a path; a response already under way plays on. */
  remove(path: string): void {
    this.byPath.delete(path);
    this.attempts.delete(path);
  }

  get list(): readonly ServedScenario[] {
    return [...this.byPath.values()];
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Plays the attempt due on `path` (each request is the next attempt). */
  serve(path: string, res: http.ServerResponse, lastEventId: string | undefined, clock: Clock, signal: AbortSignal): void {
    const served = this.byPath.get(path);
    if (served === undefined) return;
    const index = this.attempts.get(path) ?? 0;
    this.attempts.set(path, index + 1);
    const compiled = compileAttempt(served.scenario, attemptFor(served.scenario, index), lastEventId);
    try {
      res.writeHead(compiled.status, compiled.headers.flat());
    } catch (error) {
      // Validation keeps such headers out; should one slip through, the request fails, not the server.
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Scenario ${path}: ${String(error)}\n`);
      return;
    }
    // Node holds the head back until the first body write; an attempt that starts with a wait (a replay's pause
    // before its first event) must still answer at once, or the client's time to headers would include the wait.
    res.flushHeaders();
    play(res, compiled.steps, clock, signal, compiled.gzip).catch(() => res.destroy());
  }
}
