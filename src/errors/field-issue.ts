/** One problem with one field of an input or a response. */
export interface FieldIssue {
  /** Where the problem is, e.g. `items[2].quantity` or `auth.accessToken`. Empty for the whole value. */
  readonly path: string;
  /** What was expected. */
  readonly message: string;
}
