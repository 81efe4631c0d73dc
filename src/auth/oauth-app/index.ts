// The app side of BigCommerce's OAuth flow. Only what src/index.ts re-exports is public.
export { createOAuthApp } from './create-oauth-app';
export type { ExchangeCodeInput, ExchangeCodeOptions, OAuthApp, OAuthAppOptions, OAuthAppSummary, OAuthInstallation, SignedPayloadClaims } from './types';
