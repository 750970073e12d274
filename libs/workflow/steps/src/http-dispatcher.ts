import { Agent, buildConnector, type Dispatcher } from 'undici';
import { AddressRefusedError, assertLiteralHostAllowed, classifyAddress, guardedLookup } from './address-policy';

/**
 * The connection pool of the http step. Unless private addresses are allowed, every new connection is
 * checked when it is made: IP literals directly, names through a DNS lookup that refuses private answers,
 * and finally the peer address the socket actually reached.
 */
export function createHttpDispatcher(options: { allowPrivateAddresses: boolean }): Dispatcher {
  if (options.allowPrivateAddresses) return new Agent({ keepAliveTimeout: 4_000 });
  const connect = buildConnector({ lookup: guardedLookup });
  return new Agent({
    keepAliveTimeout: 4_000,
    connect(connectOptions, callback) {
      try {
        assertLiteralHostAllowed(connectOptions.hostname);
      } catch (error) {
        callback(error as Error, null);
        return;
      }
      connect(connectOptions, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error('no socket'), null);
        const peer = socket.remoteAddress;
        if (peer) {
          const { allowed, range } = classifyAddress(peer);
          if (!allowed) {
            socket.destroy();
            return callback(new AddressRefusedError(connectOptions.hostname, peer, range), null);
          }
        }
        callback(null, socket);
      });
    },
  });
}
