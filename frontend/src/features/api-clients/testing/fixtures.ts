import type { Me } from '@/features/auth/api/get-me';
import type {
  ApiClientRead,
  WebhookDeliveryRead,
  WebhookSubscriptionRead,
} from '@/features/api-clients/types';
import { json, mockApi, problem, testMe } from '@/test/utils';

export const ORG_CHILDCARE = 'aaaaaaaa-0000-4000-8000-000000000002';
export const ORG_SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
export const ORG_SPORT = 'aaaaaaaa-0000-4000-8000-000000000005';
export const ORG_ELSEWHERE = 'aaaaaaaa-0000-4000-8000-000000000009';
export const CLIENT_ID = 'c1c1c1c1-0000-4000-8000-000000000001';
export const REVOKED_ID = 'c1c1c1c1-0000-4000-8000-000000000002';
export const NEW_CLIENT_ID = 'c1c1c1c1-0000-4000-8000-000000000003';
export const NEW_SECRET = 'kcs_only-shown-once-3x7Qp9vWm2KdLr8TzYb5';
export const ROTATED_SECRET = 'kcs_rotated-once-Hn4Jk8Lm2Pq6Rs0Tv3Wx';
export const SUBSCRIPTION_ID = 'd5d5d5d5-0000-4000-8000-000000000001';
export const DELIVERY_ID = 'dededede-0000-4000-8000-000000000001';

export const membership = {
  childcareAdmin: {
    id: 'm1',
    organisationId: ORG_CHILDCARE,
    organisationName: 'Kinderopvang De Regenboog',
    organisationType: 'childcare',
    role: 'org_admin',
  },
  centreAdmin: {
    id: 'm2',
    organisationId: ORG_SCHOOL,
    organisationName: 'Basisschool De Regenboog',
    organisationType: 'school',
    role: 'centre_admin',
  },
  staff: {
    id: 'm3',
    organisationId: ORG_CHILDCARE,
    organisationName: 'Kinderopvang De Regenboog',
    organisationType: 'childcare',
    role: 'staff',
  },
} as const satisfies Record<string, Me['memberships'][number]>;

export const organisations = [
  { id: ORG_SCHOOL, name: 'Basisschool De Regenboog', type: 'school', centreIds: ['c1'], createdAt: '', updatedAt: '' },
  { id: ORG_CHILDCARE, name: 'Kinderopvang De Regenboog', type: 'childcare', centreIds: ['c1'], createdAt: '', updatedAt: '' },
  { id: ORG_SPORT, name: 'Sportvereniging Huizen', type: 'sport', centreIds: ['c1', 'c2'], createdAt: '', updatedAt: '' },
  { id: ORG_ELSEWHERE, name: 'Opvang Elders', type: 'childcare', centreIds: ['c2'], createdAt: '', updatedAt: '' },
];

/** Today on the API's calendar, and a day before it (`YYYY-MM-DD`). */
export function day(daysAgo = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - daysAgo);
  return date.toISOString().slice(0, 10);
}

export function apiClient(overrides: Partial<ApiClientRead> = {}): ApiClientRead {
  return {
    clientId: CLIENT_ID,
    organisationId: ORG_CHILDCARE,
    name: 'Planning Konnect',
    scopes: ['children:read', 'placements:write'],
    createdAt: '2026-11-02T09:00:00Z',
    revokedAt: null,
    lastUsedAt: '2026-11-30T14:05:00Z',
    secrets: [{ id: 's1', hint: 'kcs_abcd', createdAt: '2026-11-02T09:00:00Z', expiresAt: null }],
    usage: [
      { day: day(0), calls: 1234, errors: 3 },
      { day: day(2), calls: 80, errors: 0 },
    ],
    recentErrors: [{ occurredAt: '2026-11-30T14:00:00Z', method: 'POST', route: '/placements/bulk', status: 400 }],
    ...overrides,
  };
}

export const revokedClient = () =>
  apiClient({
    clientId: REVOKED_ID,
    name: 'Oude facturatie',
    scopes: ['children:read'],
    revokedAt: '2026-11-20T10:00:00Z',
    secrets: [],
    usage: [],
    recentErrors: [],
  });

export function subscription(overrides: Partial<WebhookSubscriptionRead> = {}): WebhookSubscriptionRead {
  return {
    id: SUBSCRIPTION_ID,
    clientId: CLIENT_ID,
    url: 'https://konnect.example/hooks/kindcentraal',
    eventTypes: ['placement.changed', 'attendance.recorded'],
    enabled: true,
    disabledAt: null,
    disabledReason: null,
    failingSince: null,
    createdAt: '2026-11-03T09:00:00Z',
    updatedAt: '2026-11-03T09:00:00Z',
    ...overrides,
  };
}

export function delivery(overrides: Partial<WebhookDeliveryRead> = {}): WebhookDeliveryRead {
  return {
    id: DELIVERY_ID,
    eventId: 'evt_1',
    eventType: 'placement.changed',
    status: 'failed',
    attempts: 12,
    lastStatusCode: 503,
    lastError: 'Service Unavailable',
    nextAttemptAt: null,
    deliveredAt: null,
    createdAt: '2026-11-29T08:00:00Z',
    ...overrides,
  };
}

type Options = {
  me?: Me;
  /** The clients per organisation; the fake API adds, changes and revokes in these lists. */
  clients?: Record<string, ApiClientRead[]>;
  subscriptions?: WebhookSubscriptionRead[];
  deliveries?: WebhookDeliveryRead[];
  /** Answers a write before the fake API does (a refusal, say). */
  write?: (request: Request) => Response | undefined | Promise<Response | undefined>;
};

/**
 * The API of the "Koppelingen" screen, on `mockApi`: it keeps the clients it is given, and
 * registering, changing, rotating and revoking change them as the real API would.
 */
export function apiClientsApi({
  me = testMe([membership.childcareAdmin]),
  clients = { [ORG_CHILDCARE]: [apiClient(), revokedClient()] },
  subscriptions = [subscription()],
  deliveries = [delivery()],
  write,
}: Options = {}) {
  const store = structuredClone(clients);
  const listPath = /^\/organisations\/([\w-]+)\/api-clients$/;
  const clientPath = /^\/organisations\/([\w-]+)\/api-clients\/([\w-]+)$/;
  const rotationPath = /^\/organisations\/([\w-]+)\/api-clients\/([\w-]+)\/secret-rotation$/;
  const find = (organisationId: string, clientId: string) =>
    (store[organisationId] ?? []).find((client) => client.clientId === clientId);

  return mockApi({
    me,
    write,
    defaultWrite: async (request, path) => {
      let match = listPath.exec(path);
      if (match && request.method === 'POST') {
        const body = (await request.json()) as { name: string; scopes: ApiClientRead['scopes'] };
        const created = apiClient({
          clientId: NEW_CLIENT_ID,
          organisationId: match[1]!,
          name: body.name,
          scopes: body.scopes,
          createdAt: new Date().toISOString(),
          lastUsedAt: null,
          secrets: [{ id: 's-new', hint: 'kcs_only', createdAt: new Date().toISOString(), expiresAt: null }],
          usage: [],
          recentErrors: [],
        });
        (store[match[1]!] ??= []).push(created);
        return json({ ...created, clientSecret: NEW_SECRET }, { status: 201 });
      }
      match = rotationPath.exec(path);
      if (match && request.method === 'POST') {
        const body = (await request.json()) as { overlapHours: number };
        const ends = new Date(Date.now() + body.overlapHours * 3_600_000).toISOString();
        return json(
          { clientId: match[2], clientSecret: ROTATED_SECRET, previousSecretsExpireAt: ends },
          { status: 201 },
        );
      }
      match = clientPath.exec(path);
      if (match) {
        const client = find(match[1]!, match[2]!);
        if (!client || client.revokedAt) return problem(404, 'API client not found.');
        if (request.method === 'PATCH') {
          Object.assign(client, await request.json());
          return json(client);
        }
        if (request.method === 'DELETE') {
          client.revokedAt = new Date().toISOString();
          client.secrets = [];
          return new Response(null, { status: 204 });
        }
      }
      if (/^\/webhook-deliveries\/[\w-]+\/replay$/.test(path) && request.method === 'POST') {
        return json({ ...delivery(), status: 'pending', nextAttemptAt: new Date().toISOString() }, { status: 202 });
      }
      return undefined;
    },
    read: (path, query) => {
      if (path === '/organisations') return json({ items: organisations, nextCursor: null });
      const match = listPath.exec(path);
      if (match) return json(store[match[1]!] ?? []);
      if (path === '/webhook-subscriptions') {
        return json({ items: subscriptions.filter((s) => s.clientId === query.get('clientId')), nextCursor: null });
      }
      if (/^\/webhook-subscriptions\/[\w-]+\/deliveries$/.test(path)) return json({ items: deliveries, nextCursor: null });
      return undefined;
    },
  });
}

/** The requests that match, by method and a pattern on the path without the API prefix. */
export function sent(requests: Request[], method: string, pattern: RegExp): Request[] {
  return requests.filter((r) => r.method === method && pattern.test(new URL(r.url).pathname.replace('/api/v1', '')));
}
