// Credential header values (Authorization, Cookie, X-Api-Key, …) per origin, kept only in VS Code's SecretStorage.
import type * as vscode from 'vscode';
import { isCredentialHeader } from '../shared/headerLines';
import type { HeaderSecrets } from '../session/originSecrets';
import type { CredentialSource } from '../session/sessionPorts';

const PREFIX = 'sseInspector.headers:';
/** The one Cookie/Authorization pair of versions before values were kept per origin; no control shows it any more. */
const LEGACY_KEYS = ['sseInspector.credentials.cookie', 'sseInspector.credentials.authorization'];

export class CredentialStore implements CredentialSource {
  /** Writes go one after another, and a read waits for those in flight, so a Connect reads what an earlier one stored. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly secrets: vscode.SecretStorage) {}

  async read(origin: string): Promise<HeaderSecrets> {
    await this.queue;
    return parse(await this.secrets.get(PREFIX + origin));
  }

  write(origin: string, values: HeaderSecrets): Promise<void> {
    const key = PREFIX + origin;
    const done = this.queue.then(() =>
      Object.keys(values).length === 0 ? this.secrets.delete(key) : this.secrets.store(key, JSON.stringify(values)),
    );
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** The old global pair would otherwise stay in the keychain with nothing to show or clear it. */
  async dropLegacyPair(): Promise<void> {
    await Promise.all(LEGACY_KEYS.map((key) => this.secrets.delete(key)));
  }
}

/** What was stored, keeping only credential header names with string values (the storage is not ours alone to trust). */
function parse(text: string | undefined): HeaderSecrets {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const secrets: HeaderSecrets = {};
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry === 'string' && isCredentialHeader(name)) secrets[name.toLowerCase()] = entry;
  }
  return secrets;
}
