// The list of recently used stream URLs: most recent first, no repeats, a handful at most.

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
