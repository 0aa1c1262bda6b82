// Answers the form's Show and Forget stored values: what is stored for the origin of the URL it shows.
import type { ExtensionToWebview, WebviewToExtension } from '../shared/protocol';
import type { FieldNotice } from './connectPlan';
import { secretsOrigin } from './originSecrets';
import type { CredentialSource } from './sessionPorts';

type Reply = { secrets: Extract<ExtensionToWebview, { type: 'secrets' }> } | { level: 'error' | 'info'; notice: FieldNotice };

/** Reveal reads (for the webview only, never saved); Forget removes; both need a URL with an origin. */
export async function answerStoredSecrets(
  message: Extract<WebviewToExtension, { type: 'revealSecrets' | 'forgetSecrets' }>,
  credentials: CredentialSource,
): Promise<Reply> {
  const origin = secretsOrigin(message.url);
  if (origin === undefined) {
    return {
      level: 'error',
      notice: { message: 'Stored header values belong to an origin: enter an http or https URL first.', field: 'url' },
    };
  }
  if (message.type === 'forgetSecrets') {
    await credentials.write(origin, {});
    return { level: 'info', notice: { message: `Forgot the header values stored for ${origin}.` } };
  }
  return { secrets: { type: 'secrets', url: message.url, values: await credentials.read(origin) } };
}
