/**
 * A TCP load balancer in the test process, standing in for the Caddy of docker-compose.yml: each new
 * connection goes to the next backend in turn; a backend that refuses is skipped for that connection. When
 * a backend dies, the sockets it carried drop, so clients reconnect, and land on the instances still up.
 */
import { createConnection, createServer, type AddressInfo, type Socket } from "node:net";

export interface LoadBalancer {
  url: string;
  /** Open client connections per backend URL, as the balancer sees them. */
  connectionsTo(backendUrl: string): number;
  close(): Promise<void>;
}

export async function startLoadBalancer(backendUrls: string[]): Promise<LoadBalancer> {
  const backends = backendUrls.map((url) => ({ url, address: new URL(url), open: new Set<Socket>() }));
  let next = 0;

  const server = createServer((client) => {
    client.pause();
    const attempt = (tried: number) => {
      if (tried === backends.length) {
        client.destroy();
        return;
      }
      const backend = backends[(next++) % backends.length]!;
      const upstream = createConnection({ host: backend.address.hostname, port: Number(backend.address.port) });
      upstream.once("error", () => {
        if (!upstream.readableEnded && !backend.open.has(client)) attempt(tried + 1);
        else client.destroy();
      });
      upstream.once("connect", () => {
        backend.open.add(client);
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.once("close", () => client.destroy());
        client.once("close", () => {
          backend.open.delete(client);
          upstream.destroy();
        });
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connectionsTo: (url) => backends.find((backend) => backend.url === url)?.open.size ?? 0,
    async close() {
      for (const backend of backends) for (const socket of backend.open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
