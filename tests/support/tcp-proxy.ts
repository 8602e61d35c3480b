// A TCP proxy between the app and its database, to play a database outage without touching the shared
// server: `cut()` drops every open connection and stops listening, so new ones are refused
// (ECONNREFUSED) as while a server restarts; `restore()` listens again on the same port.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  /** Connections accepted since the proxy started. */
  accepted(): number;
  /** Drops every open connection (both sides reset) and refuses new ones until `restore()`. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let accepted = 0;

  const onConnection = (client: Socket) => {
    accepted += 1;
    const upstream = createConnection(target);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer(onConnection);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve(server));
    });

  let server: Server | null = await listen(0);
  const port = (server.address() as { port: number }).port;

  const stopListening = async () => {
    const closing = server;
    server = null;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  return {
    port,
    via(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    accepted: () => accepted,
    async cut() {
      // Stop listening first, so nothing reconnects between the reset and the refusal.
      const closed = stopListening();
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
      await closed;
    },
    async restore() {
      server ??= await listen(port);
    },
    async close() {
      for (const socket of open) socket.destroy();
      open.clear();
      await stopListening();
    },
  };
}
