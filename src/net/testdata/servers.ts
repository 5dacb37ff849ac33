/**
 * Loopback servers for the net tests: an HTTP fixture server and a raw TCP listener that only
 * counts connections (to prove a refused destination was never contacted). 127.0.0.1/::1 only.
 */
import http from 'node:http';
import net from 'node:net';

/** A running HTTP fixture server. */
export interface TestServer {
  port: number;
  /** `http://127.0.0.1:<port><path>` */
  url(path?: string): string;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

function trackSockets(server: net.Server): { sockets: Set<net.Socket>; count: () => number } {
  const sockets = new Set<net.Socket>();
  let count = 0;
  server.on('connection', (s: net.Socket) => {
    count++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return { sockets, count: () => count };
}

function listen(server: net.Server, host: string, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/** Starts an HTTP server on 127.0.0.1 with `handler`; close() also kills open (dripping) sockets. */
export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  const tracked = trackSockets(server);
  const port = await listen(server, '127.0.0.1');
  return {
    port,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    connections: tracked.count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of tracked.sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP listener on 127.0.0.1 and (when available) ::1, same port, that counts and drops connections. */
export interface CountingListener {
  port: number;
  count(): number;
  close(): Promise<void>;
}

/** Starts the counting listener. */
export async function startCountingListener(): Promise<CountingListener> {
  let count = 0;
  const onConn = (s: net.Socket) => {
    count++;
    s.destroy();
  };
  const v4 = net.createServer(onConn);
  const port = await listen(v4, '127.0.0.1');
  const servers = [v4];
  const v6 = net.createServer(onConn);
  try {
    await listen(v6, '::1', port);
    servers.push(v6);
  } catch {
    // No IPv6 loopback on this machine: the v6 cases are refused before connecting anyway.
  }
  return {
    port,
    count: () => count,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => undefined),
  };
}
