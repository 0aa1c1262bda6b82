// A loopback server on node:net whose test writes the whole response, head included, byte for byte and when it
// likes: late headers, a burst after a silence, compressed bodies. One script per connection.

import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type Script = (socket: net.Socket) => Promise<void>;

export class ScriptedServer {
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly url: string,
  ) {}

  static async start(script: Script): Promise<ScriptedServer> {
    let self: ScriptedServer | undefined;
    const server = net.createServer((socket) => {
      (self as ScriptedServer).sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => undefined);
      socket.on('close', () => self?.sockets.delete(socket));
      let request = '';
      const onData = (part: Buffer): void => {
        request += part.toString('latin1');
        if (!request.includes('\r\n\r\n')) return;
        socket.off('data', onData);
        script(socket).catch(() => socket.destroy());
      };
      socket.on('data', onData);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new ScriptedServer(server, `http://127.0.0.1:${port}/sse`);
    return self;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A 200 event-stream head; the body runs until the socket closes (no length, no chunked coding). */
export function streamHead(extra: Record<string, string> = {}): string {
  const headers = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'close', ...extra };
  return `HTTP/1.1 200 OK\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
}
