import { addBusinessDuration, type BusinessCalendar } from './business-calendar';
import { nextTimerAt, scheduleFrom } from './task-schedule';
import type { TaskPolicy } from './task.model';

const utc: BusinessCalendar = { businessDays: true, holidays: [], timezone: 'UTC' };
const at = (iso: string) => new Date(iso);
const add = (start: string, duration: string, calendar: BusinessCalendar = utc) => addBusinessDuration(at(start), duration, calendar).toISOString();

describe('business-day arithmetic', () => {
  it('counts whole days on business days only, keeping the time of day', () => {
    // 2026-01-09 is a Friday.
    expect(add('2026-01-09T15:00:00Z', '1d')).toBe('2026-01-12T15:00:00.000Z');
    expect(add('2026-01-05T09:00:00Z', '2d')).toBe('2026-01-07T09:00:00.000Z');
    expect(add('2026-01-09T15:00:00Z', '5d')).toBe('2026-01-16T15:00:00.000Z');
  });

  it('counts from the start of the next business day when it starts on a weekend', () => {
    expect(add('2026-01-10T10:00:00Z', '1d')).toBe('2026-01-13T00:00:00.000Z');
    expect(add('2026-01-11T23:00:00Z', '4h')).toBe('2026-01-12T04:00:00.000Z');
  });

  it('counts hours only on business days', () => {
    expect(add('2026-01-09T22:00:00Z', '4h')).toBe('2026-01-12T02:00:00.000Z');
    // Exactly the rest of Friday: due at its very end, not on Monday.
    expect(add('2026-01-09T20:00:00Z', '4h')).toBe('2026-01-10T00:00:00.000Z');
    expect(add('2026-01-08T20:00:00Z', '30h')).toBe('2026-01-12T02:00:00.000Z');
  });

  it('skips holidays', () => {
    const christmas: BusinessCalendar = { ...utc, holidays: ['2026-12-24', '2026-12-25'] };
    // 2026-12-23 is a Wednesday; 24th and 25th are holidays, 26th/27th the weekend.
    expect(add('2026-12-23T12:00:00Z', '1d', christmas)).toBe('2026-12-28T12:00:00.000Z');
    expect(add('2026-12-23T12:00:00Z', '1d')).toBe('2026-12-24T12:00:00.000Z');
  });

  it('finds weekends and holidays in the given time zone', () => {
    const tokyo: BusinessCalendar = { businessDays: true, holidays: [], timezone: 'Asia/Tokyo' };
    // Friday 20:00 UTC is already Saturday 05:00 in Tokyo: the clock starts Monday 00:00 Tokyo time.
    expect(add('2026-01-09T20:00:00Z', '1h', tokyo)).toBe('2026-01-11T16:00:00.000Z');
    expect(add('2026-01-09T20:00:00Z', '1h', utc)).toBe('2026-01-09T21:00:00.000Z');
  });

  it('keeps the local time across a daylight-saving change', () => {
    const berlin: BusinessCalendar = { businessDays: true, holidays: [], timezone: 'Europe/Berlin' };
    // Friday 2026-03-27 10:00 CET (09:00Z); clocks go forward on Sunday the 29th: Monday 10:00 CEST is 08:00Z.
    expect(add('2026-03-27T09:00:00Z', '1d', berlin)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('adds plain elapsed time when business days are off', () => {
    expect(add('2026-01-09T15:00:00Z', '1d', { ...utc, businessDays: false })).toBe('2026-01-10T15:00:00.000Z');
    expect(add('2026-01-09T22:00:00Z', '4h', { ...utc, businessDays: false })).toBe('2026-01-10T02:00:00.000Z');
  });

  it('refuses an unknown time zone', () => {
    expect(() => add('2026-01-09T15:00:00Z', '1d', { ...utc, timezone: 'Mars/Olympus' })).toThrow(expect.objectContaining({ code: 'INVALID_TIMEZONE' }));
  });
});

describe('task schedule', () => {
  const policy: TaskPolicy = {
    outcomes: ['approve', 'reject'],
    segregationOfDuties: true,
    remindAfter: '1d',
    escalateAfter: '2d',
    escalateTo: { users: [], roles: ['approver'], groups: [] },
    timeout: '5d',
    timeoutOutcome: 'reject',
    businessDays: true,
    holidays: ['2026-01-14'],
    timezone: 'UTC',
  };

  it('counts reminder, escalation, timeout and due date from creation', () => {
    const schedule = scheduleFrom(at('2026-01-09T15:00:00Z'), policy);
    expect(schedule).toEqual({
      remindAt: at('2026-01-12T15:00:00Z'),
      escalateAt: at('2026-01-13T15:00:00Z'),
      timeoutAt: at('2026-01-19T15:00:00Z'),
      dueAt: at('2026-01-19T15:00:00Z'),
    });
  });

  it('has no escalation without escalateTo, and a due date of its own when given', () => {
    const schedule = scheduleFrom(at('2026-01-05T09:00:00Z'), { ...policy, escalateTo: undefined, dueAfter: '3d', holidays: [] });
    expect(schedule.escalateAt).toBeUndefined();
    expect(schedule.dueAt).toEqual(at('2026-01-08T09:00:00Z'));
  });

  it('names the next timer by status: reminders and escalation only while open', () => {
    const times = { remindAt: at('2026-01-02T00:00:00Z'), escalateAt: at('2026-01-03T00:00:00Z'), timeoutAt: at('2026-01-04T00:00:00Z') };
    expect(nextTimerAt({ ...times, status: 'open', escalationLevel: 0 })).toEqual(times.remindAt);
    expect(nextTimerAt({ ...times, status: 'open', escalationLevel: 0, remindedAt: at('2026-01-02T00:00:00Z') })).toEqual(times.escalateAt);
    expect(nextTimerAt({ ...times, status: 'open', escalationLevel: 1, remindedAt: at('2026-01-02T00:00:00Z') })).toEqual(times.timeoutAt);
    expect(nextTimerAt({ ...times, status: 'changes-requested', escalationLevel: 0 })).toEqual(times.timeoutAt);
    expect(nextTimerAt({ ...times, status: 'decided', escalationLevel: 0 })).toBeUndefined();
  });
});
