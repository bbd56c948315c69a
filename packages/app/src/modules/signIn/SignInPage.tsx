import { SignInPage as CoreSignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { oidcAuthApiRef } from './oidcAuthApi';

const oidcProvider = {
  id: 'oidc-auth-provider',
  title: 'Company sign-in',
  message: 'Sign in with your organization account (OpenID Connect)',
  apiRef: oidcAuthApiRef,
};

/** Guest for the local default; the OIDC provider where app.signInProvider is `oidc`. */
export function SignInPage(props: SignInPageProps) {
  const provider = useApi(configApiRef).getOptionalString('app.signInProvider');
  return (
    <CoreSignInPage
      {...props}
      providers={provider === 'oidc' ? [oidcProvider] : ['guest']}
    />
  );
}
