// Puts a failed request or body read into words a user understands, and says whether trying again can help.

interface SystemErrorLike {
  code?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  errors?: unknown;
}

/** What the words depend on besides the error. */
export interface FailureContext {
  connectTimeoutMs?: number;
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
  Z_DATA_ERROR: (c) => `The compressed body is corrupt (Z_DATA_ERROR: ${String(c.message)})`,
  Z_BUF_ERROR: (c) => `The compressed body is corrupt (Z_BUF_ERROR: ${String(c.message)})`,
};

/** Why a certificate was refused, per Node's TLS error code. */
const CERTIFICATE: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'it is signed by an authority this machine does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'it is signed by an authority this machine does not trust',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another host name',
};

/** Failures that the same request would meet again at once: never retried. */
function lastingFailure(code: string, cause: SystemErrorLike, url: URL): string | undefined {
  const certificate = CERTIFICATE[code];
  if (certificate !== undefined) {
    return (
      `The server's TLS certificate is not trusted: ${certificate} (${code}). If this is your own development ` +
      "server (ASP.NET Core's development certificate is self-signed), connect with --insecure (option insecureTls) " +
      'to trust any certificate for this connection only'
    );
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') {
    return `The response headers from ${url.host} are larger than the HTTP client's limit (16 KiB); the server must send smaller headers`;
  }
  if (code === 'UND_ERR_INVALID_ARG') return `The request cannot be sent: ${String(cause.message)}`;
  return undefined;
}

/**
 * Describes why a request or a body read failed. `duringBody` says the response had already started,
 * so a closed socket means the stream was cut mid-way.
 */
export function describeNetworkError(error: unknown, url: string, duringBody: boolean, context: FailureContext = {}): NetworkFailure {
  const cause = rootCause(error);
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' && cause.message !== '' ? cause.message : String(error);
  const target = new URL(url);
  if (detail === 'bad port') {
    return { message: `fetch refuses to connect to port ${target.port} (a blocked port); use another port`, retryable: false };
  }
  const lasting = code !== undefined && cause !== undefined ? lastingFailure(code, cause, target) : undefined;
  if (lasting !== undefined) return { message: lasting, retryable: false };
  if ((code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') && context.connectTimeoutMs !== undefined) {
    const seconds = context.connectTimeoutMs / 1000;
    return { message: `No response from ${target.host} within the ${seconds} s connect timeout (${code})`, retryable: true };
  }
  const words = code !== undefined ? WORDS[code] : undefined;
  let message = words !== undefined && cause !== undefined ? words(cause, target) : code !== undefined ? `${detail} (${code})` : detail;
  if (duringBody) message = `The stream was cut off: ${message}`;
  return { message, retryable: true };
}
