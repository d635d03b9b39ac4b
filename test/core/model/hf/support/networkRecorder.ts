import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

/**
 * Replaces every way Node can open a connection (fetch, http/https requests, sockets, TLS, DNS)
 * with a recorder that refuses it, so a test can assert that nothing was attempted.
 */
export function recordNetwork(): { calls: string[]; restore: () => void } {
  const calls: string[] = [];
  const restorers: Array<() => void> = [];
  const patch = <T extends object>(owner: T, key: keyof T, label: string) => {
    const original = owner[key];
    (owner as Record<keyof T, unknown>)[key] = (...args: unknown[]) => {
      calls.push(`${label} ${String(args[0]).slice(0, 120)}`);
      throw new Error(`network use in a test that forbids it: ${label}`);
    };
    restorers.push(() => { owner[key] = original; });
  };
  patch(globalThis, 'fetch', 'fetch');
  patch(http, 'request', 'http.request');
  patch(http, 'get', 'http.get');
  patch(https, 'request', 'https.request');
  patch(https, 'get', 'https.get');
  patch(net, 'connect', 'net.connect');
  patch(net, 'createConnection', 'net.createConnection');
  patch(net.Socket.prototype, 'connect', 'socket.connect');
  patch(tls, 'connect', 'tls.connect');
  patch(dns, 'lookup', 'dns.lookup');
  patch(dns.promises, 'lookup', 'dns.promises.lookup');
  return { calls, restore: () => restorers.reverse().forEach((r) => r()) };
}
