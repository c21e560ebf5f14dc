import type { components } from '@/api/schema';

/* Talk slots (the gespreksplanner, issue 11) as the API sends them. */
export type TalkSlot = components['schemas']['TalkSlotRead'];
export type TalkSlotsCreate = components['schemas']['TalkSlotsCreate'];
export type TalkSlotsCreated = components['schemas']['TalkSlotsCreated'];
export type UnbookedFamily = components['schemas']['UnbookedFamilyRead'];
export type GroupRead = components['schemas']['GroupRead'];
export type RoomRead = components['schemas']['RoomRead'];
export type ChildSummary = components['schemas']['ChildRead'];
