import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { KubeConfig, User } from '@kubernetes/client-node';
import { AuthenticationError } from '@backstage/errors';
import { SupervisorConfig } from '../config';

const AUTH_PROVIDER = 'backstage-vsphere-token';

/**
 * The bearer token of a Supervisor: fixed, or read from a file again whenever the file changes
 * (projected service-account tokens rotate).
 */
export class TokenSource {
  private cached?: { token: string; mtimeMs: number; size: number };

  constructor(
    private readonly supervisor: string,
    private readonly token?: string,
    private readonly tokenFile?: string,
  ) {}

  get(): string {
    if (this.token) {
      return this.token;
    }
    const file = this.tokenFile!;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (error) {
      // Mid-rotation the file may briefly be missing: keep the last token we read.
      if (this.cached) {
        return this.cached.token;
      }
      throw new AuthenticationError(
        `Token file of Supervisor '${this.supervisor}' cannot be read (${
          (error as NodeJS.ErrnoException).code
        }): ${file}`,
      );
    }
    if (
      !this.cached ||
      this.cached.mtimeMs !== stat.mtimeMs ||
      this.cached.size !== stat.size
    ) {
      const token = fs.readFileSync(file, 'utf8').trim();
      if (!token) {
        throw new AuthenticationError(
          `Token file of Supervisor '${this.supervisor}' is empty: ${file}`,
        );
      }
      this.cached = { token, mtimeMs: stat.mtimeMs, size: stat.size };
    }
    return this.cached.token;
  }
}

/** The KubeConfig's PEM-or-base64 `caData` field wants base64. */
function caDataBase64(caData?: string): string | undefined {
  if (!caData) {
    return undefined;
  }
  return caData.includes('-----BEGIN')
    ? Buffer.from(caData, 'utf8').toString('base64')
    : caData;
}

/**
 * A KubeConfig for one Supervisor whose user takes its token from `tokens` on every request.
 */
export function buildKubeConfig(
  config: SupervisorConfig,
  tokens: TokenSource,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: config.name,
        server: config.url,
        caData: caDataBase64(config.caData),
        skipTLSVerify: config.skipTLSVerify,
      },
    ],
    users: [
      { name: 'backstage-vsphere', authProvider: { name: AUTH_PROVIDER } },
    ],
    contexts: [
      { name: config.name, cluster: config.name, user: 'backstage-vsphere' },
    ],
    currentContext: config.name,
  });
  kc.addAuthenticator({
    isAuthProvider: (user: User) => user.authProvider?.name === AUTH_PROVIDER,
    applyAuthentication: async (_user, opts) => {
      opts.headers = {
        ...opts.headers,
        Authorization: `Bearer ${tokens.get()}`,
      };
    },
  });
  return kc;
}

/**
 * One keep-alive agent per Supervisor, verifying TLS as the KubeConfig does; the library would
 * otherwise open a new connection for every request.
 */
export function buildAgent(config: SupervisorConfig): http.Agent {
  if (config.url.startsWith('http:')) {
    return new http.Agent({ keepAlive: true, maxSockets: 16 });
  }
  return new https.Agent({
    keepAlive: true,
    maxSockets: 16,
    ca: config.caData,
    rejectUnauthorized: !config.skipTLSVerify,
  });
}
