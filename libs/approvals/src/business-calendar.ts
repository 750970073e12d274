import { DateTime, IANAZone } from 'luxon';
import { DomainError, parseDuration } from '@conveyor/kernel';

/** Which days count when a due date is worked out, and in which time zone a "day" begins. */
export interface BusinessCalendar {
  /** false: durations are plain elapsed time. true: Saturdays, Sundays and holidays do not count. */
  businessDays: boolean;
  /** Local dates (YYYY-MM-DD, in `timezone`) that do not count. */
  holidays: readonly string[];
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone: string;
}

const WHOLE_DAYS = /^\s*(\d+)d\s*$/;
const SATURDAY = 6;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The moment `duration` after `start` on the calendar. With business days, whole days ("2d") move the
 * local date by that many business days and keep the local time of day (so Friday 15:00 + 1d is Monday
 * 15:00, across a daylight-saving change too); other durations ("4h", "90m") count only time that falls
 * on business days. A start outside business days counts from the beginning of the next business day.
 */
export function addBusinessDuration(start: Date, duration: string | number, calendar: BusinessCalendar): Date {
  const ms = parseDuration(duration);
  if (!calendar.businessDays) return new Date(start.getTime() + ms);
  if (!isValidTimeZone(calendar.timezone)) {
    throw new DomainError('INVALID_TIMEZONE', `"${calendar.timezone}" is not an IANA time zone`, { timezone: calendar.timezone });
  }
  const days = new BusinessDays(calendar);
  let cursor: DateTime = DateTime.fromJSDate(start, { zone: calendar.timezone });
  if (!days.includes(cursor)) cursor = days.nextStart(cursor);
  const wholeDays = typeof duration === 'string' ? WHOLE_DAYS.exec(duration) : null;
  return (wholeDays ? days.addDays(cursor, Number(wholeDays[1])) : days.addTime(cursor, ms)).toJSDate();
}

/** Business days of one calendar, asked about local dates in its zone. */
class BusinessDays {
  private readonly holidays: ReadonlySet<string>;
  // A year of holidays and weekends cannot hide more than this many days in a row; beyond it the list is wrong.
  private static readonly MAX_SKIPPED_DAYS = 3660;

  constructor(calendar: BusinessCalendar) {
    this.holidays = new Set(calendar.holidays);
  }

  includes(moment: DateTime): boolean {
    return moment.weekday < SATURDAY && !this.holidays.has(moment.toISODate() ?? '');
  }

  /** Midnight at the start of the first business day after `moment`'s day. */
  nextStart(moment: DateTime): DateTime {
    let day = moment.startOf('day');
    for (let skipped = 0; skipped < BusinessDays.MAX_SKIPPED_DAYS; skipped++) {
      day = day.plus({ days: 1 }).startOf('day');
      if (this.includes(day)) return day;
    }
    throw new DomainError('INVALID_CALENDAR', 'The holiday list leaves no business day within ten years');
  }

  addDays(from: DateTime, count: number): DateTime {
    let cursor = from;
    for (let added = 0; added < count; added++) {
      let skipped = 0;
      do {
        cursor = cursor.plus({ days: 1 });
        if (++skipped > BusinessDays.MAX_SKIPPED_DAYS) throw new DomainError('INVALID_CALENDAR', 'The holiday list leaves no business day within ten years');
      } while (!this.includes(cursor));
    }
    return cursor;
  }

  addTime(from: DateTime, ms: number): DateTime {
    let cursor = from;
    let remaining = ms;
    for (;;) {
      const endOfDay = cursor.startOf('day').plus({ days: 1 }).startOf('day');
      const available = endOfDay.toMillis() - cursor.toMillis();
      if (remaining <= available) return DateTime.fromMillis(cursor.toMillis() + remaining, { zone: cursor.zone });
      remaining -= available;
      cursor = this.nextStart(cursor);
    }
  }
}
