/** Parsing of the date styles found in UK case-management exports. */

export type DateOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export interface ParsedDate {
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM-DDTHH:MM when a time was given, else the date. */
  dateTime: string;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`);
const MONTH_NAME = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})[ ,-]+(\d{4}|\d{2})${TIME}$`);
/** A date as Excel stores it (days since 30 December 1899), as a CSV saved from a sheet can hold: 44927 is 1 January 2023. */
const EXCEL_SERIAL = /^(\d{5})(?:\.(\d+))?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serial numbers read as dates: 1 January 1955 to 31 December 2099; other numbers are not dates. */
const EXCEL_RANGE = [20090, 73050] as const;

/**
 * A two-digit year as Excel and Windows read it: 00–29 are 2000–2029, 30–99 are 1930–1999
 * (so `14-Mar-23` is 2023 and `05/06/98` is 1998).
 */
export function fullYear(twoDigits: number): number {
  return twoDigits < 30 ? 2000 + twoDigits : 1900 + twoDigits;
}

const yearOf = (digits: string) => (digits.length === 2 ? fullYear(Number(digits)) : Number(digits));

/**
 * Parses one date value. Returns the parsed date, or a reason it cannot be read.
 * Day-first is the default; `order: 'mdy'` reads 03/14/2023 as 14 March.
 */
export function parseDate(raw: string, order: DateOrder = 'dmy'): ParsedDate | { error: string } {
  const value = raw.trim();
  let year: number, month: number, day: number;
  let time: RegExpMatchArray | null = null;
  let m: RegExpMatchArray | null;
  if ((m = value.match(ISO))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    time = m;
  } else if ((m = value.match(NUMERIC))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    [day, month] = order === 'dmy' ? [a, b] : [b, a];
    year = yearOf(m[3]);
    time = m;
  } else if ((m = value.match(MONTH_NAME))) {
    const mon = MONTHS[m[2].toLowerCase()];
    if (!mon) return { error: `unknown month '${m[2]}' in '${value}'` };
    [day, month, year] = [Number(m[1]), mon, yearOf(m[3])];
    time = m;
  } else if ((m = value.match(EXCEL_SERIAL)) && Number(m[1]) >= EXCEL_RANGE[0] && Number(m[1]) <= EXCEL_RANGE[1]) {
    const at = new Date(EXCEL_EPOCH + Number(value) * 86_400_000 + 500);
    const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    return { date, dateTime: m[2] ? `${date}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}` : date };
  } else {
    const hint = /^\d{5,}$/.test(value) ? '; a number like this is read as an Excel date only from 20090 (1955) to 73050 (2099)' : '';
    return {
      error: `'${value}' is not a date in a recognised style (e.g. 14/03/2023, 2023-03-14, 14-Mar-2023, 14/03/23, or an Excel serial date such as 44999)${hint}`,
    };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: `year ${year} in '${value}' is out of range (${MIN_YEAR}–${MAX_YEAR})` };
  if (month < 1 || month > 12) return { error: `month ${month} in '${value}' does not exist` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { error: `day ${day} in '${value}' does not exist in that month` };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const [hh, mm] = [time[4], time[5]];
  if (hh !== undefined) {
    if (Number(hh) > 23 || Number(mm) > 59) return { error: `time in '${value}' is out of range` };
    return { date, dateTime: `${date}T${pad(Number(hh))}:${mm}` };
  }
  return { date, dateTime: date };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whole days from ISO date `a` to ISO date `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
}

/** Age in whole years on `onDate` of someone born on `dob` (both ISO). */
export function ageOn(dob: string, onDate: string): number {
  const [by, bm, bd] = dob.split('-').map(Number);
  const [y, m, d] = onDate.slice(0, 10).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** UK day-first display of an ISO date: 14/03/2023. */
export function formatUkDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
