// A raw node:net client for hostile-request tests: sends exactly the bytes given, reads the response's status line.

import net from 'node:net';

export interface RawAnswer {
  /** The status code, or 0 when the server closed without a status line. */
  status: number;
  /** Everything received until the server closed (or the head, once complete). */
  text: string;
}

/** Sends `bytes` to 127.0.0.1:`port` and resolves once the response head has arrived or the socket has closed. */
export function rawRequest(port: number, bytes: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const answer = (): RawAnswer => ({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer());
      }
    });
    socket.on('close', () => resolve(answer()));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may reset a connection it refused before we finished writing; what it answered still counts.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(answer());
      else reject(error);
    });
    socket.write(bytes);
  });
}
