// A real OpenID Connect provider on loopback for the production-topology test: the certified
// `oidc-provider` package with its built-in login page, and the users of examples/org.yaml.
// Usage: node oidc-provider.mjs <port> <redirect-uri> (client secret in OIDC_CLIENT_SECRET)
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const secret = process.env.OIDC_CLIENT_SECRET;
if (!port || !redirectUri || !secret) {
  console.error(
    'usage: OIDC_CLIENT_SECRET=... node oidc-provider.mjs <port> <redirect-uri>',
  );
  process.exit(2);
}

// the catalog Users of examples/org.yaml, matched by e-mail by the portal's sign-in resolver
const users = {
  alice: { email: 'alice@example.com', name: 'Alice (team-a)' },
  bob: { email: 'bob@example.com', name: 'Bob (team-b)' },
  // signs in here but has no catalog User: the portal must refuse
  mallory: { email: 'mallory@example.com', name: 'Mallory (unknown)' },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'backstage',
      client_secret: secret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  async findAccount(_ctx, id) {
    const user = users[id];
    return (
      user && {
        accountId: id,
        claims: () => ({ sub: id, ...user, email_verified: true }),
      }
    );
  },
  // a refresh token without asking for offline_access: Backstage restores sessions with it on reload
  issueRefreshToken: async (_ctx, client) =>
    client.grantTypeAllowed('refresh_token'),
  // Backstage's OIDC module sends no PKCE challenge for a confidential client
  pkce: { required: () => false },
  cookies: { keys: [secret] },
});
provider.listen(Number(port), '127.0.0.1', () =>
  console.log(`oidc-provider listening on http://127.0.0.1:${port}`),
);
