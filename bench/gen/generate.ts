/**
 * The synthetic export generator. It plans the cases first (a few numbers each), then walks
 * time forward with a priority queue of cases keyed by each case's next record, so records come
 * out sorted by EVENT_DTTM across the whole export (as a warehouse extract ordered by event date
 * does) with cases interleaved, while only the cases open at that moment hold any state. Rows
 * are produced one at a time: nothing grows with the size of the export except the case plan.
 */
import { Rng, cumulative } from './prng.ts';
import { Bank, VARS, compile, details, render, type Template, type Var } from './template.ts';
import * as B from './bank.ts';
import { FEMALE_FIRST, MALE_FIRST, PLACES, STREET_KINDS, SURNAMES, TEAMS } from './names.ts';
import {
  BARE_DECISIONS,
  LABEL_PLANTS,
  LABEL_STATUSES,
  PLACEHOLDERS,
  RATES,
  STALE_PLANTS,
  type LabelStatus,
  type StalePlant,
  type TruthEntry,
} from './defects.ts';

/** Bumped whenever the output for a given seed changes, so that the benchmark does not reuse stale exports. */
export const GENERATOR_VERSION = 4;

export const PROFILES = ['liquidlogic-lcs', 'canonical'] as const;
export type Profile = (typeof PROFILES)[number];

const HEADERS: Record<Profile, readonly string[]> = {
  'liquidlogic-lcs': [
    'FACT_CASENOTE_ID',
    'FACT_REFERRAL_ID',
    'DIM_PERSON_ID',
    'PERSON_FULL_NAME',
    'BIRTH_DTTM',
    'GENDER_MAIN_CODE',
    'EVENT_DTTM',
    'CREATED_DTTM',
    'WORKER_NAME',
    'TEAM_NAME',
    'CASENOTE_TYPE',
    'CASENOTE_TEXT',
  ],
  canonical: [
    'record_id',
    'case_id',
    'subject_id',
    'subject_name',
    'subject_dob',
    'subject_gender',
    'record_date',
    'recorded_at',
    'author',
    'team',
    'record_type',
    'text',
  ],
};

export interface GeneratorOptions {
  records: number;
  seed: string | number;
  profile?: Profile;
}

/** One generated row: the CSV line (with its CRLF) and the defects planted in it. */
export interface Row {
  csv: string;
  truth: TruthEntry[];
}

// ---------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC) and minutes of the day.

/** Export window: the first and last possible event days. */
const WINDOW_START = daysFromCivil(2019, 1, 7);
const WINDOW_END = daysFromCivil(2026, 3, 31);

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** dd/mm/yyyy */
export function ukDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** dd/mm/yyyy hh:mm */
function ukDateTime(day: number, minute: number): string {
  return `${ukDate(day)} ${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/** Whole years and whole months from a date of birth to a day (as the age checks count them). */
function ageOn(dob: number, day: number): { years: number; months: number } {
  const [y1, m1, d1] = civilFromDays(dob);
  const [y2, m2, d2] = civilFromDays(day);
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return { years: Math.floor(months / 12), months };
}

/** "7" for a child of two or more, "14 months" below two (how case notes give a toddler's age). */
function ageText(dob: number, day: number): string {
  const a = ageOn(dob, day);
  return a.years >= 2 ? String(a.years) : `${a.months} months`;
}

// ---------------------------------------------------------------------------------------
// People, teams and cases.

interface Worker {
  name: string;
  /** How this worker refers to a mother: 0 "Ms Hughes", 1 "mum", 2 "Mother". */
  mumStyle: number;
  /** Types curly quotes and apostrophes (Word's autocorrect) rather than straight ones. */
  curly: boolean;
}

interface Team {
  name: string;
  workers: Worker[];
  managers: Worker[];
}

interface Child {
  personId: string;
  first: string;
  full: string;
  male: boolean;
  dob: number;
  dobText: string;
}

interface Paragraph {
  text: string;
  words: number;
  heading?: boolean;
  /** Names the subject child with their age: a candidate for a cross-case paste. */
  seen?: boolean;
  planted?: boolean;
  /** Particular details (<name> phrases) in it. */
  details?: number;
}

interface PoolEntry {
  recordId: string;
  caseId: string;
  day: number;
  text: string;
  words: number;
  childFirst?: string;
  childFull?: string;
  surname?: string;
  age?: string;
}

interface Family {
  surname: string;
  fatherSurname: string;
  mumTitle: string;
  mumFirst: string;
  dadFirst: string;
  children: Child[];
  team: Team;
  sw: Worker;
  manager: Worker;
  school: string;
  teacher: string;
  dsl: string;
  hv: string;
  gp: string;
  iro: string;
  officer: string;
  street: string;
  place: string;
  copyPool: PoolEntry[];
  stale: { plant: StalePlant; due: number; eventRecordId: string; eventDay: number; eventText: string } | null;
}

interface CasePlan {
  index: number;
  caseId: string;
  size: number;
  emitted: number;
  startDay: number;
  endDay: number;
  nextDay: number;
  nextMinute: number;
  family: Family | null;
}

const RECORD_TYPES = [
  { name: 'Case Note', weight: 32, median: 125, sigma: 0.6 },
  { name: 'Home Visit', weight: 22, median: 180, sigma: 0.45 },
  { name: 'Telephone Call', weight: 20, median: 45, sigma: 0.5 },
  { name: 'Supervision', weight: 6, median: 150, sigma: 0.45 },
  { name: 'Management Decision', weight: 7, median: 100, sigma: 0.4 },
  { name: 'Strategy Discussion', weight: 3, median: 250, sigma: 0.35 },
  { name: 'Assessment', weight: 2.5, median: 900, sigma: 0.5 },
  { name: 'Child Protection Conference Report', weight: 2, median: 750, sigma: 0.45 },
  { name: 'Court Statement', weight: 0.5, median: 1500, sigma: 0.45 },
] as const;
type RecordType = (typeof RECORD_TYPES)[number]['name'];
const TYPE_CUM = cumulative(RECORD_TYPES.map((t) => t.weight));

const bank = (xs: readonly string[]) => new Bank(xs);
const BANKS = {
  visitOpen: bank(B.VISIT_OPEN),
  home: bank(B.HOME),
  seen: bank(B.SEEN),
  child: bank([...B.CHILD, ...B.CHILD_MORE]),
  voice: bank(B.VOICE),
  parent: bank([...B.PARENT, ...B.PARENT_MORE]),
  father: bank(B.FATHER),
  sibling: bank(B.SIBLING),
  school: bank(B.SCHOOL),
  health: bank(B.HEALTH),
  network: bank(B.NETWORK),
  actions: bank(B.ACTIONS),
  callOpen: bank(B.CALL_OPEN),
  call: bank(B.CALL),
  supervision: bank(B.SUPERVISION),
  analysis: bank(B.ANALYSIS),
  strategy: bank(B.STRATEGY),
  conference: bank(B.CONFERENCE),
  court: bank(B.COURT),
  management: bank(B.MANAGEMENT),
  supervisionActions: bank(B.SUPERVISION_ACTIONS),
};
const NOTE_OPEN = bank([
  'Case note{ following the core group meeting on [date]| following a professionals meeting at [school]| after a visit to [school]| following contact with [mother]|}.',
  'Update from [school] {about [child]|following the meeting on [date]|received by email}.',
  'Direct work session with [child] at {school|the family centre|home} {using the "all about me" workbook|about feelings|about worries and wishes}.',
  'Record of {a meeting|a discussion|contact} with [mother] at {the family centre|the office|home} on [date].',
  'Chronology updated and case file reviewed{ before the review|}.',
  'Contact received from {[school]|the health visitor|[mother]|the police} {by email|by telephone|through the MASH}.',
]);
const STRATEGY_T = B.STRATEGY.map(compile);
const MANAGEMENT_T = B.MANAGEMENT.map(compile);
const SUPERVISION_OPEN = compile(B.SUPERVISION_OPEN);

const LABEL_T = LABEL_PLANTS.map((p) => ({
  plant: p,
  templates: Object.fromEntries(LABEL_STATUSES.map((s) => [s, p.templates[s].map(compile)])) as Record<LabelStatus, Template[]>,
}));
const STATUS_CUM = cumulative(LABEL_STATUSES.map((s) => RATES.labelStatus[s]));
const STALE_T = STALE_PLANTS.map((p) => ({ plant: p, event: p.event.map(compile), claims: p.claims.map(compile) }));

const V = Object.fromEntries(VARS.map((v, i) => [v, i])) as Record<Var, number>;

function countWords(s: string): number {
  let n = s.length ? 1 : 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

function csvField(s: string): string {
  return `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;
}

/** Straight quotes and apostrophes as Word's autocorrect types them. */
function curlyQuotes(s: string): string {
  let open = true;
  return s.replace(/'/g, '’').replace(/"/g, () => ((open = !open) ? '”' : '“'));
}

// ---------------------------------------------------------------------------------------

export class ExportGenerator {
  readonly header: string;
  private readonly rng: Rng;
  private readonly profile: Profile;
  private readonly plans: CasePlan[] = [];
  private readonly heap: number[] = [];
  private readonly teams: Team[];
  private readonly crossPool: PoolEntry[] = [];
  private crossPoolAt = 0;
  private nextRecordId = 5_000_001;
  private nextPersonId = 1_000_001;
  private readonly values: string[] = new Array(VARS.length).fill('');
  private emitted = 0;
  readonly stats = { records: 0, cases: 0, words: 0, defects: {} as Record<string, number> };

  constructor(private readonly options: GeneratorOptions) {
    if (!Number.isInteger(options.records) || options.records < 1) throw new Error('records must be a positive whole number');
    this.rng = new Rng(`scrutineer-export:${options.seed}`);
    this.profile = options.profile ?? 'liquidlogic-lcs';
    this.header = `\uFEFF${HEADERS[this.profile].join(',')}\r\n`;
    this.teams = TEAMS.map((name) => ({
      name,
      workers: Array.from({ length: 7 }, () => this.worker()),
      managers: Array.from({ length: 2 }, () => this.worker()),
    }));
    this.planCases();
  }

  private worker(): Worker {
    const r = this.rng;
    const female = r.chance(0.8);
    return {
      name: `${r.pick(female ? FEMALE_FIRST : MALE_FIRST)} ${r.pick(SURNAMES)}`,
      mumStyle: r.weighted([0.55, 0.85, 1]),
      curly: r.chance(0.3),
    };
  }

  /** Case sizes (50–600 records, log-normal around 180) summing exactly to the total, and each case's span of dates. */
  private planCases(): void {
    const r = this.rng;
    const total = this.options.records;
    const sizes: number[] = [];
    let sum = 0;
    while (sum < total) {
      const size = Math.min(600, Math.max(50, Math.round(r.logNormal(180, 0.6))));
      sizes.push(Math.min(size, total - sum));
      sum += sizes[sizes.length - 1];
    }
    // A short last case is merged with the one before, split evenly.
    const n = sizes.length;
    if (n > 1 && sizes[n - 1] < 50) {
      const both = sizes[n - 2] + sizes[n - 1];
      if (both <= 600) sizes.splice(n - 2, 2, both);
      else sizes.splice(n - 2, 2, Math.ceil(both / 2), Math.floor(both / 2));
    }
    const windowDays = WINDOW_END - WINDOW_START;
    sizes.forEach((size, index) => {
      const duration = Math.min(windowDays - 1, Math.max(150, Math.round(size * (2.5 + r.next() * 3.5))), 5.5 * 365);
      const startDay = WINDOW_START + r.int(windowDays - duration);
      const plan: CasePlan = {
        index,
        caseId: String(3_100_001 + index),
        size,
        emitted: 0,
        startDay,
        endDay: startDay + duration,
        nextDay: startDay,
        nextMinute: this.workingMinute(),
        family: null,
      };
      this.plans.push(plan);
      this.push(index);
    });
    this.stats.cases = sizes.length;
  }

  // -- the priority queue of cases, keyed by each case's next record time ----------------

  private key(i: number): number {
    const p = this.plans[i];
    return (p.nextDay * 1440 + p.nextMinute) * 1_000_000 + i;
  }

  private push(i: number): void {
    const h = this.heap;
    h.push(i);
    let c = h.length - 1;
    const k = this.key(i);
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (this.key(h[parent]) <= k) break;
      h[c] = h[parent];
      c = parent;
    }
    h[c] = i;
  }

  private pop(): number {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      let c = 0;
      const k = this.key(last);
      for (;;) {
        let child = 2 * c + 1;
        if (child >= h.length) break;
        if (child + 1 < h.length && this.key(h[child + 1]) < this.key(h[child])) child++;
        if (this.key(h[child]) >= k) break;
        h[c] = h[child];
        c = child;
      }
      h[c] = last;
    }
    return top;
  }

  /** A time of day for a record: office hours mostly, some early evening. */
  private workingMinute(): number {
    const r = this.rng;
    if (r.chance(0.06)) return r.range(17 * 60 + 30, 21 * 60);
    return r.range(8 * 60 + 30, 17 * 60 + 15);
  }

  /** Moves a case on to its next record: the next of its remaining records spread uniformly over what is left of its span. */
  private advance(p: CasePlan): void {
    const r = this.rng;
    const left = p.size - p.emitted;
    const from = p.nextDay;
    // biome-ignore lint/style/useExponentiationOperator: left as measured, so the generated exports stay byte for byte those benchmarked
    let day = Math.floor(from + (p.endDay - from) * (1 - Math.pow(1 - r.next(), 1 / left)));
    const wd = weekday(day);
    if ((wd === 0 || wd === 6) && r.chance(0.85)) day += wd === 6 ? 2 : 1;
    if (day <= from) {
      day = from;
      const minute = p.nextMinute + r.range(20, 150);
      if (minute < 22 * 60) {
        p.nextMinute = minute;
        return;
      }
      day = from + 1;
    }
    p.nextDay = day;
    p.nextMinute = this.workingMinute();
  }

  // -- families -------------------------------------------------------------------------

  private family(p: CasePlan): Family {
    const r = this.rng;
    const surname = r.pick(SURNAMES);
    const fatherSurname = r.chance(0.5) ? surname : r.pick(SURNAMES);
    const count = r.weighted([40, 75, 92, 100]) + 1;
    const children: Child[] = [];
    const used = new Set<string>();
    for (let c = 0; c < count; c++) {
      const male = r.chance(0.5);
      let first = r.pick(male ? MALE_FIRST : FEMALE_FIRST);
      for (let tries = 0; used.has(first) && tries < 5; tries++) first = r.pick(male ? MALE_FIRST : FEMALE_FIRST);
      used.add(first);
      const childSurname = r.chance(0.3) ? fatherSurname : surname;
      // Born at least two months before the case opens, and no more than fifteen years before.
      const dob = p.startDay - 60 - r.int(15 * 365);
      children.push({ personId: String(this.nextPersonId++), first, full: `${first} ${childSurname}`, male, dob, dobText: ukDate(dob) });
    }
    const team = r.pick(this.teams);
    const place = r.pick(PLACES);
    const person = () => `${r.pick(r.chance(0.7) ? FEMALE_FIRST : MALE_FIRST)} ${r.pick(SURNAMES)}`;
    const titled = () => `${r.pick(['Mrs', 'Ms', 'Miss', 'Mr'])} ${r.pick(SURNAMES)}`;
    return {
      surname,
      fatherSurname,
      mumTitle: r.pick(['Ms', 'Ms', 'Ms', 'Mrs', 'Miss']),
      mumFirst: r.pick(FEMALE_FIRST),
      dadFirst: r.pick(MALE_FIRST),
      children,
      team,
      sw: r.pick(team.workers),
      manager: r.pick(team.managers),
      school: `${r.chance(0.5) ? place : r.pick(PLACES)} ${r.pick(['Primary School', 'Primary Academy', 'Academy', 'High School', 'Infant School', 'Junior School', 'C of E Primary School'])}`,
      teacher: titled(),
      dsl: titled(),
      hv: person(),
      gp: `${r.pick(PLACES)} ${r.pick(['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice'])}`,
      iro: person(),
      officer: `${r.pick(['PC', 'DC', 'DS'])} ${person()}`,
      street: `${r.pick(PLACES)} ${r.pick(STREET_KINDS)}`,
      place,
      copyPool: [],
      stale: null,
    };
  }

  // -- rows -------------------------------------------------------------------------------

  /** Every row of the export, in order. */
  *rows(): Generator<Row> {
    while (this.heap.length) {
      const i = this.pop();
      const plan = this.plans[i];
      const row = this.row(plan);
      plan.emitted++;
      if (plan.emitted < plan.size) {
        this.advance(plan);
        this.push(i);
      } else {
        plan.family = null;
      }
      yield row;
    }
  }

  private row(p: CasePlan): Row {
    const r = this.rng;
    const f = (p.family ??= this.family(p));
    const day = p.nextDay;
    const minute = p.nextMinute;
    const recordId = String(this.nextRecordId++);
    const truth: TruthEntry[] = [];
    const defect = (kind: TruthEntry['kind'], expected: string | null, details: Record<string, unknown>) => {
      // A pasted "child seen" paragraph names another family's child as the one observed.
      const also = kind === 'cross-case-paste' ? { also_expected: ['hygiene.wrong-name'] } : {};
      truth.push({ record_id: recordId, case_id: p.caseId, kind, expected_rule: expected, ...also, details });
      const key = kind === 'label' ? `label.${details.status}` : kind;
      this.stats.defects[key] = (this.stats.defects[key] ?? 0) + 1;
    };

    // Social workers change now and then over a long case.
    if (p.emitted > 0 && r.chance(1 / 150)) f.sw = r.pick(f.team.workers);
    const child = r.pick(f.children);
    const siblings = f.children.filter((c) => c !== child);
    const sib = siblings.length ? r.pick(siblings) : null;

    let type: RecordType = p.emitted === 0 ? (r.chance(0.6) ? 'Telephone Call' : 'Case Note') : RECORD_TYPES[r.weighted(TYPE_CUM)].name;
    const bareDecision = p.emitted > 0 && r.chance(RATES.bareDecision);
    if (bareDecision) type = 'Management Decision';
    let author = type === 'Management Decision' || (type === 'Supervision' && r.chance(0.7)) ? f.manager : f.sw;
    if (type === 'Telephone Call' && r.chance(0.12)) author = r.pick(f.team.workers);
    this.fill(f, child, sib, author, day);
    this.used.clear();

    let paras: Paragraph[];
    if (bareDecision) {
      const text = r.pick(BARE_DECISIONS);
      paras = [{ text, words: countWords(text), planted: true }];
      defect('decision-without-reasons', 'hygiene.decision-without-reasons', { text });
    } else {
      const spec = RECORD_TYPES.find((t) => t.name === type)!;
      const target = Math.min(5000, Math.max(12, Math.round(r.logNormal(spec.median, spec.sigma))));
      paras = this.body(type, target, !!sib);
      this.plant(p, f, paras, day, recordId, defect);
    }
    // Late entries, some acknowledged as such.
    let lag: number;
    if (r.chance(RATES.lateEntry)) {
      lag = r.range(30, 120) * 1440 + r.range(0, 600);
      const acknowledged = r.chance(RATES.lateAcknowledged);
      if (acknowledged) {
        // Worded without a reason term ("due to", "because"), which would count as the reasons of a bare decision.
        const note = `Late entry, recorded on ${ukDate(day + Math.floor(lag / 1440))} (${r.pick(['annual leave', 'sickness absence', 'system outage', 'court work'])}).`;
        paras.unshift({ text: note, words: countWords(note), planted: true });
      }
      defect('late-entry', 'hygiene.late-entry', { days: Math.floor(lag / 1440), acknowledged });
    } else {
      const x = r.next();
      lag = x < 0.7 ? r.range(10, 360) : x < 0.95 ? r.range(1, 3) * 1440 + r.range(-120, 240) : 4 * 1440 + r.range(0, 300);
    }
    const createdAbs = day * 1440 + minute + Math.max(5, lag);
    const missingAuthor = r.chance(RATES.missingAuthor);
    if (missingAuthor) defect('missing-author', 'hygiene.missing-author', {});

    let text = '';
    for (let k = 0; k < paras.length; k++) {
      if (k) text += paras[k - 1].heading ? '\r\n' : '\r\n\r\n';
      text += paras[k].text;
    }
    if (author.curly) {
      text = curlyQuotes(text);
      for (const t of truth) if (typeof t.details.text === 'string') t.details.text = curlyQuotes(t.details.text);
    }
    this.remember(p, f, paras, recordId, day, child);
    this.stats.records++;
    for (const q of paras) this.stats.words += q.words;
    this.emitted++;

    const csv =
      [
        recordId,
        p.caseId,
        child.personId,
        csvField(child.full),
        child.dobText,
        child.male ? 'M' : 'F',
        ukDateTime(day, minute),
        ukDateTime(Math.floor(createdAbs / 1440), createdAbs % 1440),
        missingAuthor ? '' : csvField(author.name),
        csvField(f.team.name),
        csvField(type),
        csvField(text),
      ].join(',') + '\r\n';
    return { csv, truth };
  }

  /** The template variables for one record. */
  private fill(f: Family, child: Child, sib: Child | null, author: Worker, day: number): void {
    const r = this.rng;
    const v = this.values;
    const m = child.male;
    v[V.child] = child.first;
    v[V.childFull] = child.full;
    v[V.age] = ageText(child.dob, day);
    v[V.he] = m ? 'he' : 'she';
    v[V.him] = m ? 'him' : 'her';
    v[V.his] = m ? 'his' : 'her';
    v[V.He] = m ? 'He' : 'She';
    v[V.His] = m ? 'His' : 'Her';
    v[V.himself] = m ? 'himself' : 'herself';
    v[V.boy] = m ? 'boy' : 'girl';
    v[V.son] = m ? 'son' : 'daughter';
    v[V.sib] = sib ? sib.first : '';
    v[V.sibAge] = sib ? ageText(sib.dob, day) : '';
    const mum = [`${f.mumTitle} ${f.surname}`, 'mum', 'Mother'][author.mumStyle];
    const dad = [`Mr ${f.fatherSurname}`, 'dad', 'Father'][author.mumStyle];
    v[V.mother] = mum;
    v[V.Mother] = mum[0].toUpperCase() + mum.slice(1);
    v[V.mumFirst] = f.mumFirst;
    v[V.mumFull] = `${f.mumFirst} ${f.surname}`;
    v[V.father] = dad;
    v[V.Father] = dad[0].toUpperCase() + dad.slice(1);
    v[V.dadFirst] = f.dadFirst;
    v[V.dadFull] = `${f.dadFirst} ${f.fatherSurname}`;
    v[V.worker] = author.name;
    v[V.manager] = f.manager.name;
    v[V.school] = f.school;
    v[V.teacher] = f.teacher;
    v[V.dsl] = f.dsl;
    v[V.hv] = f.hv;
    v[V.gp] = f.gp;
    v[V.iro] = f.iro;
    v[V.officer] = f.officer;
    v[V.street] = f.street;
    v[V.place] = f.place;
    v[V.date] = ukDate(day - r.range(1, 28));
    v[V.date2] = ukDate(day - r.range(60, 540));
    v[V.nextDate] = ukDate(day + r.range(3, 28));
    v[V.day] = WEEKDAYS[r.range(1, 5)];
    v[V.time] = `${r.range(9, 16)}:${r.pick(['00', '15', '30', '45'])}`;
  }

  // -- bodies -----------------------------------------------------------------------------

  /** Templates already used in the record being written: a note does not say the same thing twice. */
  private readonly used = new Set<Template>();

  private sentence(b: Bank, sib: boolean): string {
    let t = b.pick(this.rng, sib);
    for (let tries = 0; tries < 10 && this.used.has(t); tries++) t = b.pick(this.rng, sib);
    this.used.add(t);
    return render(t, this.values, this.rng);
  }

  private para(banks: Bank[], n: number, sib: boolean): Paragraph {
    const before = details.count;
    let text = this.sentence(banks[0], sib);
    for (let k = 1; k < n; k++) text += ' ' + this.sentence(banks[this.rng.int(banks.length)], sib);
    return { text, words: countWords(text), details: details.count - before };
  }

  private body(type: RecordType, target: number, sib: boolean): Paragraph[] {
    const r = this.rng;
    const K = BANKS;
    const out: Paragraph[] = [];
    let words = 0;
    const add = (p: Paragraph) => {
      out.push(p);
      words += p.words;
    };
    const fill = (banks: Bank[], until: number, lo = 2, hi = 4) => {
      do add(this.para(banks, r.range(lo, hi), sib));
      while (words < until);
    };
    const heading = (text: string) => add({ text, words: countWords(text), heading: true });
    const addText = (text: string) => add({ text, words: countWords(text) });
    switch (type) {
      case 'Home Visit': {
        add(this.para([K.visitOpen, K.visitOpen, K.home], r.range(2, 4), sib));
        if (words < target) add(this.seenPara(sib));
        if (words < target) add(this.para([K.parent], r.range(2, 4), sib));
        if (words < target && sib && r.chance(0.6)) add(this.para([K.sibling], r.range(1, 2), sib));
        if (words < target - 40) fill([K.parent, K.child, K.father, K.school, K.health, K.network, K.home, K.voice], target - 40);
        if (target > 100) add(this.para([K.actions], r.range(1, 2), sib));
        break;
      }
      case 'Case Note': {
        add(this.para([NOTE_OPEN, K.school, K.parent, K.health], r.range(2, 4), sib));
        if (words < target) fill([K.school, K.health, K.parent, K.father, K.network, K.child, K.analysis], target);
        if (target > 120 && r.chance(0.6)) add(this.para([K.actions], r.range(1, 2), sib));
        break;
      }
      case 'Telephone Call': {
        addText(`${this.sentence(K.callOpen, sib)} ${this.para([K.call], r.range(1, 3), sib).text}`);
        if (words < target) fill([K.call, K.parent, K.call], target, 1, 3);
        break;
      }
      case 'Supervision': {
        heading('Case discussion:');
        addText(`${render(SUPERVISION_OPEN, this.values, r)} ${this.para([K.supervision, K.analysis], r.range(1, 3), sib).text}`);
        if (words < target - 40) fill([K.supervision, K.analysis], target - 40);
        heading('Actions:');
        const n = r.range(2, 4);
        let text = '';
        for (let k = 1; k <= n; k++) text += `${k > 1 ? '\r\n' : ''}${k}. ${this.sentence(K.supervisionActions, sib)}`;
        addText(text);
        break;
      }
      case 'Management Decision': {
        addText(render(MANAGEMENT_T[0], this.values, r));
        addText(render(MANAGEMENT_T[1], this.values, r));
        if (words < target - 30) fill([K.analysis], target - 30, 1, 3);
        addText(render(MANAGEMENT_T[r.range(2, 4)], this.values, r));
        break;
      }
      case 'Strategy Discussion': {
        for (let k = 0; k < STRATEGY_T.length; k++) {
          if (k > 0 && k !== 4 && r.chance(0.3)) continue;
          addText(render(STRATEGY_T[k], this.values, r));
          if (k === 3 && words < target) fill([K.school, K.health, K.parent, K.father], target - 60, 1, 3);
        }
        break;
      }
      case 'Assessment':
        this.document(out, B.HEADINGS.assessment, target, sib, (h) => SECTION_BANKS[h] ?? [K.analysis]);
        break;
      case 'Child Protection Conference Report':
        this.document(out, B.HEADINGS.conference, target, sib, (h) => SECTION_BANKS[h] ?? [K.conference, K.analysis]);
        break;
      case 'Court Statement': {
        this.document(out, B.HEADINGS.court, target, sib, (h) => SECTION_BANKS[h] ?? [K.court, K.analysis]);
        let n = 0;
        for (const q of out) if (!q.heading) q.text = `${++n}. ${q.text}`;
        break;
      }
    }
    return out;
  }

  /** A long document: headings, each with paragraphs until its share of the target is reached. */
  private document(out: Paragraph[], headings: readonly string[], target: number, sib: boolean, banksFor: (h: string) => Bank[]): void {
    const r = this.rng;
    const share = target / headings.length;
    let words = 0;
    headings.forEach((h, i) => {
      out.push({ text: h, words: countWords(h), heading: true });
      const until = share * (i + 1);
      do {
        const p = h === "The child's lived experience" && r.chance(0.5) ? this.seenPara(sib) : this.para(banksFor(h), r.range(2, 5), sib);
        out.push(p);
        words += p.words;
      } while (words < until);
    });
  }

  /** The child seen, named with their age, then how they were and what they said. */
  private seenPara(sib: boolean): Paragraph {
    const K = BANKS;
    const before = details.count;
    let text = this.sentence(K.seen, sib);
    const n = this.rng.range(2, 4);
    for (let k = 0; k < n; k++) text += ' ' + this.sentence(k === n - 1 && this.rng.chance(0.6) ? K.voice : K.child, sib);
    return { text, words: countWords(text), seen: true, details: details.count - before };
  }

  // -- planted defects --------------------------------------------------------------------

  private plant(
    p: CasePlan,
    f: Family,
    paras: Paragraph[],
    day: number,
    recordId: string,
    defect: (kind: TruthEntry['kind'], expected: string | null, details: Record<string, unknown>) => void,
  ): void {
    const r = this.rng;
    const insert = (para: Paragraph) => {
      const at = paras.length <= 1 ? paras.length : 1 + r.int(paras.length - 1);
      paras.splice(at, 0, para);
    };
    if (r.chance(RATES.label)) {
      const { plant, templates } = r.pick(LABEL_T);
      const status = LABEL_STATUSES[r.weighted(STATUS_CUM)];
      const text = render(r.pick(templates[status]), this.values, r);
      insert({ text, words: countWords(text), planted: true });
      defect('label', status === 'asserted' ? plant.rule : null, { status, label: plant.label, rule: plant.rule, text });
    }
    if (r.chance(RATES.copyForward)) {
      const earlier = f.copyPool.filter((e) => e.day < day);
      if (earlier.length) {
        const src = r.pick(earlier);
        insert({ text: src.text, words: src.words, planted: true });
        defect('copy-forward', 'duplication.copied-passage', {
          source_record_id: src.recordId,
          source_record_date: ukDate(src.day),
          words: src.words,
          text: src.text,
        });
      }
    }
    if (r.chance(RATES.crossCase) && this.crossPool.length) {
      const firsts = new Set(f.children.map((c) => c.first.toLowerCase()));
      for (let tries = 0; tries < 10; tries++) {
        const src = r.pick(this.crossPool);
        if (src.caseId === p.caseId || firsts.has(src.childFirst!.toLowerCase()) || src.surname === f.surname || src.surname === f.fatherSurname) continue;
        insert({ text: src.text, words: src.words, planted: true });
        defect('cross-case-paste', 'duplication.copied-passage', {
          source_record_id: src.recordId,
          source_case_id: src.caseId,
          source_record_date: ukDate(src.day),
          other_child: src.childFull,
          other_child_age: src.age,
          words: src.words,
          text: src.text,
        });
        break;
      }
    }
    // Staleness: an event now, and a later record of the same case that still states what it overtook.
    if (f.stale && f.stale.due <= p.emitted && day > f.stale.eventDay) {
      const s = STALE_T.find((x) => x.plant === f.stale!.plant)!;
      const text = render(r.pick(s.claims), this.values, r);
      insert({ text, words: countWords(text), planted: true });
      defect('stale-claim', s.plant.rule, {
        event_record_id: f.stale.eventRecordId,
        event_record_date: ukDate(f.stale.eventDay),
        event: f.stale.eventText,
        text,
      });
      f.stale = null;
    } else if (!f.stale && p.size - p.emitted > 30 && r.chance(RATES.staleEvent)) {
      const s = r.pick(STALE_T);
      const text = render(r.pick(s.event), this.values, r);
      insert({ text, words: countWords(text), planted: true });
      f.stale = { plant: s.plant, due: p.emitted + r.range(2, 25), eventRecordId: recordId, eventDay: day, eventText: text };
    }
    if (r.chance(RATES.placeholder)) {
      const text = r.pick(PLACEHOLDERS);
      insert({ text, words: countWords(text), planted: true });
      defect('placeholder-text', 'hygiene.placeholder-text', { text });
    }
  }

  /** Keeps a few ordinary paragraphs of this case to copy forward later, and the child-seen ones for pasting into other cases. */
  private remember(p: CasePlan, f: Family, paras: Paragraph[], recordId: string, day: number, child: Child): void {
    const r = this.rng;
    for (const q of paras) {
      // Workers copy the substantial paragraphs, the ones with particulars in them.
      if (q.heading || q.planted || q.words < 50 || (q.details ?? 0) < 3) continue;
      if (r.chance(0.15)) {
        f.copyPool.push({ recordId, caseId: p.caseId, day, text: q.text, words: q.words });
        if (f.copyPool.length > 8) f.copyPool.shift();
      }
      if (q.seen && r.chance(0.5)) {
        const entry: PoolEntry = {
          recordId,
          caseId: p.caseId,
          day,
          text: q.text,
          words: q.words,
          childFirst: child.first,
          childFull: child.full,
          surname: child.full.slice(child.first.length + 1),
          age: ageText(child.dob, day),
        };
        if (this.crossPool.length < 512) this.crossPool.push(entry);
        else this.crossPool[this.crossPoolAt++ % 512] = entry;
      }
    }
  }
}

const SECTION_BANKS: Record<string, Bank[]> = {
  'Reason for assessment': [BANKS.school, BANKS.parent, BANKS.health],
  Background: [BANKS.network, BANKS.parent, BANKS.father],
  "The child's lived experience": [BANKS.child, BANKS.voice, BANKS.analysis],
  'Parenting capacity': [BANKS.parent, BANKS.home, BANKS.analysis],
  'Family and environmental factors': [BANKS.network, BANKS.home, BANKS.father],
  'Views of the child': [BANKS.voice, BANKS.child],
  'Views of the parents': [BANKS.parent, BANKS.father],
  'Information from other agencies': [BANKS.school, BANKS.health],
  Analysis: [BANKS.analysis],
  Recommendation: [BANKS.analysis],
  'Purpose of the report': [BANKS.conference],
  'Summary of progress': [BANKS.conference, BANKS.parent, BANKS.school],
  "The child's views": [BANKS.voice, BANKS.child],
  "Parents' views": [BANKS.parent, BANKS.father],
  'Information from agencies': [BANKS.school, BANKS.health],
  'Analysis of risk': [BANKS.analysis],
  Introduction: [BANKS.court],
  "The local authority's involvement": [BANKS.court, BANKS.school, BANKS.health],
  "The child's needs": [BANKS.child, BANKS.health, BANKS.school],
  "The parents' position": [BANKS.parent, BANKS.father],
  'Care plan': [BANKS.court, BANKS.analysis],
  'Statement of truth': [BANKS.court],
};
