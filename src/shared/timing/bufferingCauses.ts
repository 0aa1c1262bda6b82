// What in the response headers could hold events back. Read only once the timing shows bursts: a header alone
// proves nothing (nginx never passes X-Accel-Buffering on, and a compressor that is flushed per event is harmless).

export interface BufferingCause {
  /** Short name, e.g. `gzip` or `nginx`. */
  name: string;
  /** The header that points at it, as received (value clipped). */
  evidence: string;
  /** What to do about it. */
  advice: string;
}

type Headers = Record<string, string>;

/** Header values are server-controlled: keep what is quoted short. */
const clip = (value: string): string => (value.length > 60 ? `${value.slice(0, 59)}…` : value);

const CDN_HINTS: Array<{ name: string; header: string; test?: RegExp; advice: string }> = [
  {
    name: 'Cloudflare',
    header: 'cf-ray',
    advice:
      'Cloudflare may buffer or compress responses; make sure the stream is served as text/event-stream and not compressed or transformed.',
  },
  {
    name: 'CloudFront',
    header: 'x-amz-cf-id',
    advice: 'CloudFront may hold responses back; check the cache behaviour and compression for this path.',
  },
  {
    name: 'Fastly',
    header: 'x-served-by',
    test: /cache-/i,
    advice: 'Fastly buffers responses unless streaming is allowed (beresp.do_stream); check the service config.',
  },
  {
    name: 'Envoy',
    header: 'x-envoy-upstream-service-time',
    advice: 'Envoy may buffer (buffer or compressor filters); check the route for this path.',
  },
];

export function bufferingCauses(headers: Headers): BufferingCause[] {
  const causes: BufferingCause[] = [];
  const encoding = headers['content-encoding']?.trim();
  if (encoding && encoding.toLowerCase() !== 'identity') {
    causes.push({
      name: encoding.toLowerCase(),
      evidence: `Content-Encoding: ${clip(encoding)}`,
      advice: 'The compressor holds events until its buffer fills: flush it after each event, or do not compress text/event-stream.',
    });
  }
  if (headers['content-length'] !== undefined) {
    causes.push({
      name: 'whole body',
      evidence: `Content-Length: ${clip(headers['content-length'])}`,
      advice: 'A length known up front means the whole body was produced before it was sent: write and flush each event as it happens.',
    });
  }
  const accel = headers['x-accel-buffering']?.trim().toLowerCase();
  const server = headers.server ?? '';
  if (accel !== undefined && accel !== 'no') {
    causes.push({
      name: 'nginx',
      evidence: `X-Accel-Buffering: ${clip(headers['x-accel-buffering'])}`,
      advice: 'Send X-Accel-Buffering: no from the upstream.',
    });
  } else if (accel === undefined && /nginx|openresty/i.test(server)) {
    causes.push({
      name: 'nginx',
      evidence: `Server: ${clip(server)}`,
      advice: 'nginx buffers proxied responses by default: send X-Accel-Buffering: no from the upstream, or set proxy_buffering off.',
    });
  }
  if (/apache/i.test(server) && causes.every((cause) => cause.name !== 'nginx')) {
    causes.push({
      name: 'Apache',
      evidence: `Server: ${clip(server)}`,
      advice: 'mod_deflate or mod_proxy may buffer: disable compression and set flushpackets=on for this path.',
    });
  }
  for (const hint of CDN_HINTS) {
    const value = headers[hint.header];
    if (value !== undefined && (hint.test === undefined || hint.test.test(value))) {
      causes.push({ name: hint.name, evidence: `${hint.header}: ${clip(value)}`, advice: hint.advice });
    }
  }
  if (headers.via !== undefined) {
    causes.push({
      name: 'proxy',
      evidence: `Via: ${clip(headers.via)}`,
      advice: 'A proxy on the way may buffer the response: turn buffering off for this path.',
    });
  }
  return causes;
}

/** The headers that bear on buffering, for a line that says what came without judging it yet. */
export function bufferingHeaderFacts(headers: Headers): string[] {
  const names = ['content-encoding', 'content-length', 'x-accel-buffering', 'server', 'via', 'cf-ray'];
  return names.filter((name) => headers[name] !== undefined).map((name) => `${displayName(name)}: ${clip(headers[name])}`);
}

function displayName(name: string): string {
  if (name === 'cf-ray') return 'CF-Ray';
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}
