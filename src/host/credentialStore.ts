// The Cookie and Authorization values for "Send credentials", kept only in VS Code's SecretStorage.
import type * as vscode from 'vscode';
import type { Credentials } from '../engine/options';

const KEYS = {
  cookie: 'sseInspector.credentials.cookie',
  authorization: 'sseInspector.credentials.authorization',
} as const;

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored values; a missing one is left out. */
  async read(): Promise<Credentials> {
    const [cookie, authorization] = await Promise.all([this.secrets.get(KEYS.cookie), this.secrets.get(KEYS.authorization)]);
    const credentials: Credentials = {};
    if (cookie) credentials.cookie = cookie;
    if (authorization) credentials.authorization = authorization;
    return credentials;
  }

  async has(): Promise<boolean> {
    const credentials = await this.read();
    return credentials.cookie !== undefined || credentials.authorization !== undefined;
  }

  /** As the Request section saves them: an empty value removes what was stored under that name. */
  async save(values: { cookie: string; authorization: string }): Promise<void> {
    await Promise.all([this.put(KEYS.cookie, values.cookie), this.put(KEYS.authorization, values.authorization)]);
  }

  async clear(): Promise<void> {
    await Promise.all([this.secrets.delete(KEYS.cookie), this.secrets.delete(KEYS.authorization)]);
  }

  private async put(key: string, value: string): Promise<void> {
    const trimmed = value.trim();
    await (trimmed === '' ? this.secrets.delete(key) : this.secrets.store(key, trimmed));
  }
}
