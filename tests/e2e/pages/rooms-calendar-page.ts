import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/**
 * /ruimtes ("Ruimtes"): the calendar of a building (FullCalendar 7: its class names are hashed,
 * so select by role, label and data-testid), the room filter, "Ruimte boeken" and its dialog.
 * `?datum=YYYY-MM-DD` opens the calendar on that week.
 */
export class RoomsCalendarPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.roomsTitle, exact: true });
  }
  get mainNavLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t.mainNav, exact: true })
      .getByRole('link', { name: this.t.roomsNav, exact: true });
  }
  get approvalsLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t.roomsNav, exact: true })
      .getByRole('link', { name: this.t.roomsApprovalsNav, exact: true });
  }
  get roomFilter(): Locator {
    return this.page.getByLabel(this.t.roomsRoom, { exact: true });
  }
  get calendar(): Locator {
    return this.page.getByTestId('room-calendar');
  }
  get count(): Locator {
    return this.page.getByTestId('calendar-count');
  }
  /** The bookings shown in the calendar. */
  get events(): Locator {
    return this.page.getByTestId('calendar-booking');
  }
  get bookButton(): Locator {
    return this.page.getByRole('button', { name: this.t.roomsBook, exact: true });
  }
  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Bezig met laden' });
  }

  async goto(date: string): Promise<void> {
    await this.page.goto(`/ruimtes?datum=${date}`);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.count).toBeVisible();
    await expect(this.loading).toHaveCount(0);
  }

  async chooseRoom(name: string): Promise<void> {
    await this.roomFilter.selectOption({ label: name });
    await expect(this.count).toContainText(name);
  }

  /** The dialog "Ruimte boeken", opened with the button. */
  async openDialog(): Promise<BookingDialog> {
    await this.bookButton.click();
    const dialog = new BookingDialog(this.page, this.language);
    await expect(this.page.getByRole('dialog', { name: this.t.bookingDialog, exact: true })).toBeVisible();
    return dialog;
  }
}

/** The booking dialog: the form, then the conflicts or what was booked and skipped. */
export class BookingDialog {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  /** Named by its heading: "Ruimte boeken", then "Geboekt" or "Aangevraagd". */
  get root(): Locator {
    return this.page.getByRole('dialog').and(this.page.getByTestId('booking-dialog'));
  }
  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }
  get conflicts(): Locator {
    return this.root.getByTestId('booking-conflicts');
  }
  get result(): Locator {
    return this.root.getByTestId('booking-result');
  }

  async fill(values: {
    room?: string;
    purpose: string;
    date: string;
    start: string;
    end: string;
    attendees?: number;
    weekly?: { weekdays: string[]; until: string };
  }): Promise<void> {
    if (values.room) await this.field(this.t.bookingRoom).selectOption({ label: values.room });
    await this.root.getByLabel(this.t.bookingPurpose).fill(values.purpose);
    await this.field(this.t.bookingDate).fill(values.date);
    await this.field(this.t.bookingStart).fill(values.start);
    await this.field(this.t.bookingEnd).fill(values.end);
    if (values.attendees !== undefined) await this.field(this.t.bookingAttendees).fill(String(values.attendees));
    if (values.weekly) {
      await this.field(this.t.bookingWeekly).check();
      for (const day of values.weekly.weekdays) await this.field(day).check();
      await this.field(this.t.bookingUntil).fill(values.weekly.until);
    }
  }

  async submit(): Promise<void> {
    await this.root.getByRole('button', { name: this.t.bookingSubmit, exact: true }).click();
  }
}
