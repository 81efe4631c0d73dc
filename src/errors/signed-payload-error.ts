import { BigCommerceError } from './bigcommerce-error';

/** Which check a signed payload failed. */
export type SignedPayloadCheck =
  | 'format'
  | 'algorithm'
  | 'signature'
  | 'audience'
  | 'issuer'
  | 'subject'
  | 'expired'
  | 'not-yet-valid';

/**
 * A `signed_payload_jwt` from a load, uninstall or remove-user callback failed verification.
 * `check` says which check failed; the token itself is never included.
 */
export class SignedPayloadError extends BigCommerceError {
  /** The class name, `'SignedPayloadError'`; it survives minification. */
  override name = 'SignedPayloadError';
  /** The check that failed. */
  readonly check: SignedPayloadCheck;

  constructor(message: string, check: SignedPayloadCheck) {
    super(message);
    this.check = check;
  }
}
