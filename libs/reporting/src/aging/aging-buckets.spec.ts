import { agingBuckets, asOfDate, bucketIndex, daysPastDue } from './aging-buckets';

describe('aging buckets', () => {
  const buckets = agingBuckets();

  it('are current, 1-30, 31-60, 61-90 and over 90 by default', () => {
    expect(buckets.map((bucket) => bucket.label)).toEqual(['Current', '1-30', '31-60', '61-90', 'Over 90']);
  });

  it.each([
    [-5, 'Current'], [0, 'Current'], [1, '1-30'], [30, '1-30'], [31, '31-60'], [60, '31-60'], [61, '61-90'], [90, '61-90'], [91, 'Over 90'], [4000, 'Over 90'],
  ])('puts %i days past due into %s', (days, label) => {
    expect(buckets[bucketIndex(buckets, days)].label).toBe(label);
  });

  it('can be configured', () => {
    const weekly = agingBuckets([7, 14]);
    expect(weekly.map((bucket) => bucket.label)).toEqual(['Current', '1-7', '8-14', 'Over 14']);
    expect(weekly[bucketIndex(weekly, 8)].label).toBe('8-14');
    expect(weekly[bucketIndex(weekly, 15)].label).toBe('Over 14');
  });

  it.each([[[]], [[30, 30]], [[60, 30]], [[0, 30]], [[1.5]]])('refuses the edges %j', (edges) => {
    expect(() => agingBuckets(edges)).toThrow(expect.objectContaining({ code: 'INVALID_REPORT_PARAMETERS' }));
  });
});

describe('days past due', () => {
  it('counts calendar days, across leap days and year ends', () => {
    expect(daysPastDue('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysPastDue('2026-11-30', '2026-12-01')).toBe(1);
    expect(daysPastDue('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysPastDue('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysPastDue('2028-02-29', '2028-05-29')).toBe(90);
    expect(daysPastDue('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysPastDue('2026-12-10', '2026-11-30')).toBe(-10);
  });

  it('is not shifted by daylight saving changes', () => {
    expect(daysPastDue('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysPastDue('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('the as-of date', () => {
  it('takes a plain date as it is', () => {
    expect(asOfDate('2026-11-30', 'Pacific/Auckland')).toBe('2026-11-30');
  });

  it('reads an instant in the time zone', () => {
    expect(asOfDate('2026-11-30T23:30:00Z', 'UTC')).toBe('2026-11-30');
    expect(asOfDate('2026-11-30T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-01');
    expect(asOfDate('2026-12-01T03:00:00Z', 'America/New_York')).toBe('2026-11-30');
    expect(asOfDate('2028-02-29T22:59:59Z', 'Europe/Berlin')).toBe('2028-02-29');
    expect(asOfDate('2028-02-29T23:00:00Z', 'Europe/Berlin')).toBe('2028-03-01');
  });

  it('refuses what is not a date, an instant without offset and unknown zones', () => {
    expect(() => asOfDate('2026-02-30', 'UTC')).toThrow(expect.objectContaining({ code: 'INVALID_REPORT_PARAMETERS' }));
    expect(() => asOfDate('2026-11-30T10:00:00', 'UTC')).toThrow(/no offset/);
    expect(() => asOfDate('2026-11-30', 'Mars/Olympus')).toThrow(/time zone/);
  });
});
