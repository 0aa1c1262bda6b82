// The list of recently used stream URLs: most recent first, no repeats, a handful at most.
import { streamUrlProblem } from '../shared/streamUrl';

export const MAX_RECENT_URLS = 10;

/** `url` moved (or added) to the front. Callers pass URLs that passed streamUrlProblem: no user info. */
export function rememberUrl(recent: readonly string[], url: string): string[] {
  return [url, ...recent.filter((entry) => entry !== url)].slice(0, MAX_RECENT_URLS);
}

/** What globalState held, made safe to use: strings only, at most the maximum. */
export function readRecentUrls(stored: unknown): string[] {
  if (!Array.isArray(stored)) {
    return [];
  }
  return stored.filter((entry): entry is string => typeof entry === 'string').slice(0, MAX_RECENT_URLS);
}

/** Suggested URLs a setting may list (e.g. `npm start`'s mock server); more would crowd the list. */
export const MAX_SUGGESTED_URLS = 10;

/** The setting sseInspector.suggestedUrls made safe: stream URLs only (others dropped), at most the maximum. */
export function readSuggestedUrls(setting: unknown): string[] {
  if (!Array.isArray(setting)) return [];
  return setting
    .filter((entry): entry is string => typeof entry === 'string' && streamUrlProblem(entry) === undefined)
    .map((entry) => entry.trim())
    .slice(0, MAX_SUGGESTED_URLS);
}

/** What the URL field offers: the running mock server's and the suggested streams first, then the recent ones, no repeats. */
export function offeredUrls(suggested: readonly string[], recent: readonly string[]): string[] {
  return [...new Set([...suggested, ...recent])];
}
