import type { components } from '@/api/schema';

/* Message threads between a child's guardians and its contact person, as the API sends them. */

export type ThreadSummary = components['schemas']['ThreadSummary'];
export type Thread = components['schemas']['ThreadRead'];
export type Message = components['schemas']['MessageRead'];
export type Participant = components['schemas']['ParticipantRead'];
export type ThreadChild = components['schemas']['ThreadChild'];
