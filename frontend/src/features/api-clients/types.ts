import type { components } from '@/api/schema';

export type ApiClientRead = components['schemas']['ApiClientRead'];
export type ApiClientCreated = components['schemas']['ApiClientCreated'];
export type ApiClientSecretIssued = components['schemas']['ApiClientSecretIssued'];
export type ApiScope = components['schemas']['ApiScope'];
export type UsageDay = components['schemas']['UsageDay'];
export type ApiClientErrorRead = components['schemas']['ApiClientErrorRead'];

/** Every scope a client may hold, in the order the form offers them (reading before writing). */
export const API_SCOPES = [
  'children:read',
  'placements:read',
  'placements:write',
  'attendance:write',
  'bookings:read',
  'bookings:write',
  'activities:read',
  'webhooks:manage',
] as const satisfies readonly ApiScope[];

/** The i18n key of a scope's label: `children:read` → `apiClients.scopes.children_read`. */
export const scopeKey = (scope: ApiScope) => scope.replace(':', '_') as ScopeKey;
export type ScopeKey =
  | 'children_read'
  | 'placements_read'
  | 'placements_write'
  | 'attendance_write'
  | 'bookings_read'
  | 'bookings_write'
  | 'activities_read'
  | 'webhooks_manage';

/** An organisation whose API clients this person manages. */
export type AdministeredOrganisation = { id: string; name: string };

/** A secret as it is shown once: what the dialog needs, nothing kept after it closes. */
export type IssuedSecret = {
  clientId: string;
  clientSecret: string;
  clientName: string;
  /** After a rotation: until when the secrets before it keep working (null: ended now). */
  previousSecretsExpireAt?: string | null;
  kind: 'created' | 'rotated';
};

export type WebhookSubscriptionRead = components['schemas']['WebhookSubscriptionRead'];
export type WebhookDeliveryRead = components['schemas']['WebhookDeliveryRead'];
export type WebhookEventType = components['schemas']['EventType'];
export type WebhookDisabledReason = components['schemas']['DisabledReason'];
export type WebhookDeliveryStatus = components['schemas']['DeliveryStatus'];

/** The i18n key of an event type: `placement.changed` → `apiClients.webhooks.events.placement_changed`. */
export const eventKey = (type: WebhookEventType) => type.replace('.', '_') as EventKey;
export type EventKey = 'placement_changed' | 'attendance_recorded' | 'booking_changed' | 'enrolment_changed' | 'consent_changed';
