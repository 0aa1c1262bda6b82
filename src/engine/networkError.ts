// Puts a failed fetch or body read into words a user understands.

interface SystemErrorLike {
  code?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  errors?: unknown;
}

export interface NetworkFailure {
  message: string;
  /** False when trying again cannot help (e.g. a port fetch refuses to use). */
  retryable: boolean;
}

function asObject(value: unknown): SystemErrorLike | undefined {
  return typeof value === 'object' && value !== null ? (value as SystemErrorLike) : undefined;
}

/** The innermost error that says what happened: fetch wraps it in `cause`, Happy Eyeballs in `errors`. */
function rootCause(error: unknown): SystemErrorLike | undefined {
  let current = asObject(error);
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const cause = asObject((current as { cause?: unknown }).cause);
    if (cause !== undefined) {
      current = cause;
      continue;
    }
    if (Array.isArray(current.errors) && current.errors.length > 0) {
      current = asObject(current.errors[0]);
      continue;
    }
    break;
  }
  return current;
}

function at(cause: SystemErrorLike, url: URL): string {
  const host = typeof cause.address === 'string' ? cause.address : url.hostname;
  const port = typeof cause.port === 'number' ? cause.port : url.port || (url.protocol === 'https:' ? 443 : 80);
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

const WORDS: Record<string, (cause: SystemErrorLike, url: URL) => string> = {
  ECONNREFUSED: (c, u) => `Connection refused (ECONNREFUSED) at ${at(c, u)}: is the server running?`,
  ENOTFOUND: (_c, u) => `Host not found (ENOTFOUND): ${u.hostname}`,
  EAI_AGAIN: (_c, u) => `Host name lookup failed for now (EAI_AGAIN): ${u.hostname}`,
  ECONNRESET: (c, u) => `Connection reset by the server (ECONNRESET) at ${at(c, u)}`,
  ETIMEDOUT: (c, u) => `Connection timed out (ETIMEDOUT) at ${at(c, u)}`,
  UND_ERR_CONNECT_TIMEOUT: (c, u) => `Connection timed out (UND_ERR_CONNECT_TIMEOUT) at ${at(c, u)}`,
  EHOSTUNREACH: (c, u) => `Host unreachable (EHOSTUNREACH) at ${at(c, u)}`,
  ENETUNREACH: (c, u) => `Network unreachable (ENETUNREACH) at ${at(c, u)}`,
  EPIPE: (c, u) => `The connection broke (EPIPE) at ${at(c, u)}`,
  UND_ERR_SOCKET: () => 'The server closed the connection (UND_ERR_SOCKET)',
};

/**
 * Describes why a request or a body read failed. `duringBody` says the response had already started,
 * so a closed socket means the stream was cut mid-way.
 */
export function describeNetworkError(error: unknown, url: string, duringBody: boolean): NetworkFailure {
  const cause = rootCause(error);
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' && cause.message !== '' ? cause.message : String(error);
  const target = new URL(url);
  if (detail === 'bad port') {
    return { message: `fetch refuses to connect to port ${target.port} (a blocked port); use another port`, retryable: false };
  }
  const words = code !== undefined ? WORDS[code] : undefined;
  let message = words !== undefined && cause !== undefined ? words(cause, target) : code !== undefined ? `${detail} (${code})` : detail;
  if (duringBody) message = `The stream was cut off: ${message}`;
  return { message, retryable: true };
}
