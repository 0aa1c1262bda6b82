// A loopback server on node:net for hostile-stream tests: after the request it writes an event-stream head,
// then the test writes exact body bytes to the socket, when it likes, and may hold the socket open.

import net from 'node:net';
import type { AddressInfo } from 'node:net';

const HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n';

export class SocketServer {
  private readonly sockets = new Set<net.Socket>();
  private readonly waiting: Array<(socket: net.Socket) => void> = [];
  private readonly ready: net.Socket[] = [];

  private constructor(
    private readonly server: net.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<SocketServer> {
    let self: SocketServer | undefined;
    const server = net.createServer((socket) => {
      const owner = self as SocketServer;
      owner.sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => owner.sockets.delete(socket));
      socket.on('error', () => undefined);
      let request = '';
      const onData = (part: Buffer): void => {
        request += part.toString('latin1');
        if (!request.includes('\r\n\r\n')) return;
        socket.off('data', onData);
        // No Content-Length and no chunked coding: the body is every byte until the socket closes.
        socket.write(HEAD);
        const waiter = owner.waiting.shift();
        if (waiter === undefined) owner.ready.push(socket);
        else waiter(socket);
      };
      socket.on('data', onData);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new SocketServer(server, `http://127.0.0.1:${port}/sse`);
    return self;
  }

  /** The next connection's socket, once its request has arrived and the response head has been written. */
  accepted(): Promise<net.Socket> {
    const socket = this.ready.shift();
    if (socket !== undefined) return Promise.resolve(socket);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Registers mocha hooks that start a fresh server before each test and stop it after; returns its getter. */
export function useSocketServer(): () => SocketServer {
  let server: SocketServer | undefined;
  beforeEach(async () => {
    server = await SocketServer.start();
  });
  afterEach(() => server?.stop());
  return () => server as SocketServer;
}
