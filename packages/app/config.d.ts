export interface Config {
  app?: {
    /**
     * The sign-in page's provider: `guest` (the local default) or `oidc` (production, see
     * app-config.production.yaml).
     * @visibility frontend
     */
    signInProvider?: 'guest' | 'oidc';
  };
}
