import type { components } from '@/api/schema';

/* Rooms shared by the centre: buildings, rooms, the centre's holidays and the bookings. */

export type BuildingRead = components['schemas']['BuildingRead'];
export type RoomRead = components['schemas']['RoomRead'];
export type HolidayRead = components['schemas']['HolidayRead'];
export type BookingRead = components['schemas']['BookingRead'];
export type BookingCreate = components['schemas']['BookingCreate'];
export type BookingCreated = components['schemas']['BookingCreated'];
export type BookingStatus = components['schemas']['BookingStatus'];
export type BookingTransition = components['schemas']['BookingTransition'];
export type SkippedOccurrence = components['schemas']['SkippedOccurrence'];
export type OrganisationType = components['schemas']['OrganisationType'];
export type OrganisationRead = components['schemas']['OrganisationRead'];

/** A building with what its calendar shows around the bookings (one request). */
export type BuildingPage = {
  building: BuildingRead;
  rooms: RoomRead[];
  holidays: HolidayRead[];
  /** The organisations of the building's centre. */
  organisations: OrganisationRead[];
};

/** One asked time the room is taken at (a 409's `conflicts`, a problem+json extension). */
export type BookingConflict = { startsAt: string; endsAt: string; takenBy: BookingRead[] };

/** The roles that book rooms (the API's BOOKERS); a municipality analyst only looks. */
export const BOOKER_ROLES = ['centre_admin', 'org_admin', 'staff', 'care_professional'] as const;

/** RFC 5545 weekday codes, Monday first (the order the form offers them). */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** Fields of the booking form, as the server's `errors[].location` names them. */
export const BOOKING_FIELDS = ['roomId', 'organisationId', 'purpose', 'startsAt', 'endsAt', 'attendees', 'recurrence'] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

/** An organisation the person books for: one they work for, taking part in the centre. */
export type BookingOrganisation = { id: string; name: string; type: OrganisationType };
