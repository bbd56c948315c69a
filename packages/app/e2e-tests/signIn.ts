import { APIRequestContext, expect, Page, request } from '@playwright/test';

/** Signs in as guest and waits until the app is shown, so the next navigation keeps the session. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** The guest's own Backstage token, as the app gets it when the guest signs in. */
export async function guestToken(backendUrl: string): Promise<string> {
  const signIn = await request.newContext({ baseURL: backendUrl });
  const session = await signIn.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(session.ok()).toBe(true);
  const token = (await session.json()).backstageIdentity.token;
  await signIn.dispose();
  return token;
}

/** An API client of the backend with the guest's own Backstage token, as the app gets it. */
export async function guestApi(backendUrl: string): Promise<APIRequestContext> {
  const token = await guestToken(backendUrl);
  return request.newContext({
    baseURL: backendUrl,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
}
