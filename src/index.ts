// The public API, listed by name. Anything not exported here is internal and may change.

export { BigCommerceSource } from './source/bigcommerce-source';
export type { BigCommerceSourceOptions } from './source/options';
export type { RequestOptions } from './internal/request-options';
export type { SourceEvent, RequestEvent, ResponseEvent, RetryEvent, ThrottleEvent } from './internal/events';
export { parseStoreHash } from './source/store-hash';
export { createMemoryGate } from './internal/gate/memory-gate';
export type { RateGate, GateStore, GateSlot, AcquireOptions, RequestPriority, PurchaseOrderLease } from './internal/gate/rate-gate';
export type { RateLimitState } from './internal/rate-limit-headers';
export { path } from './internal/path';
export type { RawRequest, RawResponse, PaginateOptions } from './operations/raw';
export type { QueryParams, QueryValue } from './internal/query';
export type { StoreInfo } from './operations/connection/store-info';

export {
  inventoryItemSchema,
  resumeCursorOf,
  type InventoryOperations,
  type InventoryItem,
  type InventoryLocationStock,
  type InventoryOptionValue,
  type InventoryOptions,
  type InventoryProgress,
  type InventoryPage,
  type InventoryRemoval,
  type WithResumeCursor,
} from './operations/inventory';

export type { ShipmentOperations } from './operations/shipments';
export { shipmentSchema, shipmentItemSchema, shipmentAddressSchema, type Shipment, type ShipmentItem, type ShipmentAddress } from './operations/shipments/shipment';
export type { ShipmentListOptions, ShipmentPage, ShipmentListProgress } from './operations/shipments/list-shipments';

export {
  purchaseOrderSchema,
  type OrderOperations,
  type PurchaseOrder,
  type PurchaseOrderAddress,
  type PurchaseOrderItem,
  type SendOrderOptions,
  type SendManyOptions,
  type CustomerPolicy,
  type OrderPricing,
  type SentOrder,
  type SentOrderLine,
  type SendManyResult,
  type SendManySuccess,
  type SendManyFailure,
  orderStatusOf,
  type OrderStatus,
  type OrderSnapshot,
  type OrderReference,
  type OrderChangesOptions,
  type OrderChangePage,
} from './operations/orders';

export type { AuthStrategy, AuthContext } from './internal/auth-strategy';
export { createApiKeyAuth, type ApiKeyAuthOptions } from './auth/api-key';
export { createOAuth2Auth, type OAuth2AuthOptions } from './auth/oauth2';
export {
  createOAuthApp,
  type OAuthApp,
  type OAuthAppOptions,
  type ExchangeCodeInput,
  type ExchangeCodeOptions,
  type OAuthInstallation,
  type SignedPayloadClaims,
  type OAuthAppSummary,
} from './auth/oauth-app';

export { BigCommerceError, isBigCommerceError } from './errors/bigcommerce-error';
export type { FieldIssue } from './errors/field-issue';
export { ConfigError } from './errors/config-error';
export { ValidationError } from './errors/validation-error';
export { ApiError, type ApiErrorDetails } from './errors/api-error';
export { AuthenticationError } from './errors/authentication-error';
export { PermissionError } from './errors/permission-error';
export { NotFoundError } from './errors/not-found-error';
export { ConflictError } from './errors/conflict-error';
export { UnprocessableEntityError } from './errors/unprocessable-entity-error';
export { RateLimitError } from './errors/rate-limit-error';
export { ServerError } from './errors/server-error';
export { ConnectionError } from './errors/connection-error';
export { TimeoutError } from './errors/timeout-error';
export { ResponseValidationError } from './errors/response-validation-error';
export { SignedPayloadError, type SignedPayloadCheck } from './errors/signed-payload-error';
export { UnknownSkuError } from './errors/unknown-sku-error';
export { CustomerNotFoundError } from './errors/customer-not-found-error';
export { PurchaseOrderConflictError } from './errors/purchase-order-conflict-error';
export { PurchaseOrderLeaseError } from './errors/purchase-order-lease-error';
export { RedirectError } from './errors/redirect-error';
export { ResponseTooLargeError } from './errors/response-too-large-error';
export { PurchaseOrderLookupError } from './errors/purchase-order-lookup-error';

export { VERSION } from './version';
