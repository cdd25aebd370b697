import { describe, expect, it } from 'vitest';
import { ageOn, parseDate } from '../src/intake/dates.ts';

describe('parseDate', () => {
  it.each([
    ['2023-03-14', '2023-03-14', '2023-03-14'],
    ['14/03/2023', '2023-03-14', '2023-03-14'],
    ['14/03/2023 09:30', '2023-03-14', '2023-03-14T09:30'],
    ['4/3/2023', '2023-03-04', '2023-03-04'],
    ['14-Mar-2023', '2023-03-14', '2023-03-14'],
    ['14 March 2023', '2023-03-14', '2023-03-14'],
    ['1st September 2022', '2022-09-01', '2022-09-01'],
    ['2023-03-14T09:30:00', '2023-03-14', '2023-03-14T09:30'],
    ['2023-03-14 09:30:00.000', '2023-03-14', '2023-03-14T09:30'],
    ['14-Mar-23', '2023-03-14', '2023-03-14'],
    ['14/03/23', '2023-03-14', '2023-03-14'],
    ['31/12/99', '1999-12-31', '1999-12-31'],
    ['01.01.29', '2029-01-01', '2029-01-01'],
    ['01.01.30', '1930-01-01', '1930-01-01'],
    ['14-03-2023', '2023-03-14', '2023-03-14'],
    ['44927', '2023-01-01', '2023-01-01'],
    ['45000.25', '2023-03-15', '2023-03-15T06:00'],
  ])('reads %s day-first', (raw, date, dateTime) => {
    expect(parseDate(raw)).toEqual({ date, dateTime });
  });

  it('reads month-first when asked', () => {
    expect(parseDate('03/14/2023', 'mdy')).toEqual({ date: '2023-03-14', dateTime: '2023-03-14' });
    expect(parseDate('03/14/2023')).toEqual({ error: "month 14 in '03/14/2023' does not exist" });
  });

  it.each([
    ['31/02/2023', "day 31 in '31/02/2023' does not exist in that month"],
    ['29/02/2023', "day 29 in '29/02/2023' does not exist in that month"],
    ['14/03/0023', "year 23 in '14/03/0023' is out of range (1900–2100)"],
    ['14-Foo-2023', "unknown month 'Foo' in '14-Foo-2023'"],
    [
      'yesterday',
      "'yesterday' is not a date in a recognised style (e.g. 14/03/2023, 2023-03-14, 14-Mar-2023, 14/03/23, or an Excel serial date such as 44999)",
    ],
    [
      '12345',
      "'12345' is not a date in a recognised style (e.g. 14/03/2023, 2023-03-14, 14-Mar-2023, 14/03/23, or an Excel serial date such as 44999); a number like this is read as an Excel date only from 20090 (1955) to 73050 (2099)",
    ],
    ['14/03/2023 25:00', "time in '14/03/2023 25:00' is out of range"],
  ])('refuses %s with a reason', (raw, error) => {
    expect(parseDate(raw)).toEqual({ error });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseDate('29/02/2024')).toEqual({ date: '2024-02-29', dateTime: '2024-02-29' });
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2016-07-02', '2023-07-01')).toBe(6);
    expect(ageOn('2016-07-02', '2023-07-02')).toBe(7);
  });
});
