/**
 * The dates a sentence states ("on 14/03/2023", "in March 2023", "in 2019"), as ISO days
 * (yyyy-mm-dd; a month or a year stands for its last day, so that "in March 2023" is not before
 * an event of 20 March 2023). Used to tell a retelling of the past from a new fact: "In March
 * 2023 a supervision order was made" in a 2024 summary does not put the order back in place.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g;
const WORDED = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)? )?${MONTH} ((?:19|20)\\d\\d)\\b`, 'gi');
const YEAR = /\b(?:in|since|during|from|of|by) ((?:19|20)\d\d)\b/gi;
/** A part of a year ("in early 2024", "by the end of 2023"), as the last day of that part. */
const PART_OF_YEAR = /\b(early|mid|late|the (?:start|beginning|middle|end) of|spring|summer|autumn|winter)[ -]((?:19|20)\d\d)\b/gi;
const PART_END: Record<string, string> = {
  early: '04-30',
  'the start of': '04-30',
  'the beginning of': '04-30',
  spring: '05-31',
  mid: '08-31',
  'the middle of': '08-31',
  summer: '08-31',
  autumn: '11-30',
  late: '12-31',
  'the end of': '12-31',
  winter: '12-31',
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function statedDates(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(NUMERIC)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month)) out.push(`${year}-${pad(month)}-${pad(day)}`);
  }
  for (const m of sentence.matchAll(WORDED)) {
    const month = MONTHS.findIndex((name) => name.startsWith(m[2].toLowerCase().slice(0, 3))) + 1;
    const year = Number(m[3]);
    out.push(`${year}-${pad(month)}-${pad(m[1] ? Math.min(Number(m[1]), lastDay(year, month)) : lastDay(year, month))}`);
  }
  for (const m of sentence.matchAll(YEAR)) out.push(`${m[1]}-12-31`);
  for (const m of sentence.matchAll(PART_OF_YEAR)) out.push(`${m[2]}-${PART_END[m[1].toLowerCase()]}`);
  return [...new Set(out)].sort();
}
