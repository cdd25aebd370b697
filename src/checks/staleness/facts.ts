import type { NameBook, Person } from '../../reading/people.ts';
import type { Fact, FactChange, FactSheet, PersonFacts, StaleStatement } from '../../model/sections.ts';
import { compareFound, type Found, type StaleClaim } from './chronology.ts';

/**
 * A staleness rule's `fact:` block: the topic its statements are about and the state each of
 * its roles establishes, for the case's fact sheet (`--timeline`). `topic` may use `{name}` for a
 * word list of the rule's `same:` (the plan that ended, the condition excluded).
 */
export interface FactSpec {
  topic: string;
  /** The state the event establishes ("completed", "negative test"). */
  event: string;
  /** The state a claim states, which the event overtakes ("not done", "using"). */
  claim: string;
  /** The state a reversal establishes ("positive test", "back together"); for rules with `reversed_by`. */
  reversal?: string;
  /** Who the statements are about when the records name nobody ("the child"); default "unnamed". */
  about?: string;
}

/** What one rule found in one case, as its check kept it for the flags. */
export interface RuleFacts {
  rule: string;
  fact: FactSpec;
  /** Events, reversals and the claims that are the writer's own. */
  found: Found[];
  /** The claims found out of date, as the flags report them. */
  stale: StaleClaim[];
}

export const UNNAMED = 'unnamed';

/** Words for a person that say nothing of who they are: a name is not made of them. */
const PRONOUNS = new Set(['she', 'her', 'hers', 'herself', 'he', 'him', 'his', 'himself', 'they', 'them', 'their', 'theirs', 'themselves']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);

interface Who {
  key: string;
  name: string;
}

/**
 * Names the people of one case. A person named with a title and surname is one person under
 * the first way the records write it ("Ms Barton"). A role or pronoun ("mother", "she") is that
 * person when exactly one named person of that sex (and relative or not) is in the case's
 * statements; otherwise the role ("mother") or "unnamed woman" / "unnamed man".
 */
class People {
  private readonly named = new Map<string, { name: string; sex: string | null; relative: boolean }>();

  constructor(
    all: Found[],
    private readonly names?: NameBook,
  ) {
    for (const f of [...all].sort(compareFound)) {
      const p = f.person;
      if (!p?.surname && !p?.given) continue;
      const key = this.key(p);
      if (!this.named.has(key)) this.named.set(key, { name: p.name ?? p.surname ?? p.given!, sex: p.sex, relative: p.relative ?? false });
    }
  }

  /** A person named by a given name is one person with every nickname the records give it ("Rebecca", "Becky"); otherwise by title and surname. */
  private key(p: Person): string {
    return p.given ? `given|${this.names?.canonical(p.given) ?? p.given}` : namedKey(p);
  }

  who(p: Person): Who {
    if (p.surname || p.given) return { key: this.key(p), name: this.named.get(this.key(p))!.name };
    const relative = p.relative ?? false;
    const candidates = [...this.named].filter(([, n]) => n.relative === relative && (!p.sex || !n.sex || n.sex === p.sex));
    if (candidates.length === 1) return { key: candidates[0][0], name: candidates[0][1].name };
    const word = p.word?.toLowerCase() ?? '';
    if (word && !PRONOUNS.has(word) && !TITLES.has(word)) return { key: `role|${word}`, name: word };
    const sex = p.sex === 'female' ? ' woman' : p.sex === 'male' ? ' man' : '';
    return { key: `unnamed|${relative ? 'relative' : ''}|${p.sex ?? ''}`, name: `${UNNAMED}${relative ? ' relative' : sex}` };
  }
}

function namedKey(p: Person): string {
  return `named|${p.relative ? 'relative' : ''}|${p.sex ?? ''}|${p.surname}`;
}

/** One step of a fact's chronology: a statement and the person and topic it is about. */
interface Step {
  found: Found;
  rule: RuleFacts;
  who: Who;
  topic: string;
}

/**
 * A case's fact sheet: for each person and topic with at least one event, the changes of state
 * in record order (a first claim, events, reversals; a statement that leaves the state as it was
 * is not a change), the current state, and the later records that still state the state an
 * event overtook, as the flags found them. Null when no rule with a `fact:` found an event.
 */
export function buildFactSheet(caseId: string, rules: RuleFacts[], names?: NameBook): FactSheet | null {
  const people = new People(
    rules.flatMap((r) => r.found),
    names,
  );
  const steps: Step[] = [];
  for (const r of rules) {
    const named = r.found.map((f) => (f.person ? people.who(f.person) : null));
    // A statement that names nobody is about the one person the rule's other statements name, if they name one.
    const keys = new Map(named.filter((w): w is Who => !!w).map((w) => [w.key, w]));
    const nobody: Who = keys.size === 1 ? [...keys.values()][0] : { key: `about|${r.fact.about ?? ''}`, name: r.fact.about ?? UNNAMED };
    const who = new Map(r.found.map((f, i) => [f, named[i] ?? nobody]));
    // A stale claim that does not name its person ("she", "mother") is about the person of the
    // event it ignores, as the flag says, even where the case names more than one woman.
    for (const { claim, event } of r.stale) if (!claim.person?.surname && who.has(event)) who.set(claim, who.get(event)!);
    for (const f of r.found) steps.push({ found: f, rule: r, who: who.get(f)!, topic: topicOf(r, f) });
  }
  const groups = new Map<string, Step[]>();
  for (const s of steps) {
    const key = `${s.who.key}\u0000${s.topic}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const byPerson = new Map<string, { name: string; first: string; facts: Fact[] }>();
  for (const group of groups.values()) {
    const fact = factOf(group);
    if (!fact) continue;
    const who = group[0].who;
    const person = byPerson.get(who.key) ?? { name: who.name, first: fact.history[0].record_date, facts: [] };
    byPerson.set(who.key, person);
    person.facts.push(fact);
    if (fact.history[0].record_date < person.first) person.first = fact.history[0].record_date;
  }
  if (!byPerson.size) return null;
  const out: PersonFacts[] = [...byPerson.values()]
    .sort((a, b) => a.first.localeCompare(b.first) || a.name.localeCompare(b.name))
    .map((p) => ({
      name: p.name,
      facts: p.facts.sort((a, b) => a.history[0].record_date.localeCompare(b.history[0].record_date) || a.topic.localeCompare(b.topic)),
    }));
  return { case_id: caseId, people: out };
}

/** The topic, its `{list}` placeholders filled with the entry the statement names, else the one entry the rule's statements name, else the list's name. */
function topicOf(r: RuleFacts, f: Found): string {
  const topic = r.fact.topic.replace(/\{([a-z][a-z0-9_]*)\}/g, (m, list: string) => {
    if (!(list in f.entries)) return m;
    if (f.entries[list]) return f.entries[list]!;
    const named = new Set(r.found.map((g) => g.entries[list]).filter((e): e is string => !!e));
    return named.size === 1 ? [...named][0] : list.replace(/_/g, ' ');
  });
  // A topic that starts with an entry ("{plan}") starts with a capital like the others.
  return topic.charAt(0).toUpperCase() + topic.slice(1);
}

function factOf(group: Step[]): Fact | null {
  if (!group.some((s) => s.found.role === 'event')) return null;
  const sorted = [...group].sort((a, b) => compareFound(a.found, b.found) || a.found.start - b.found.start);
  // The records whose claims the flags found out of date, and the event record each ignores.
  const staleIn = new Map<Found, string>();
  for (const r of new Set(group.map((s) => s.rule))) for (const st of r.stale) staleIn.set(st.claim, st.event.record_id);
  const history: FactChange[] = [];
  const stale: StaleStatement[] = [];
  let state: string | null = null;
  for (const { found: f, rule } of sorted) {
    if (f.role === 'claim') {
      const since = staleIn.get(f);
      if (since && state !== null) {
        if (!stale.some((s) => s.record_id === f.record_id))
          stale.push({ record_id: f.record_id, record_date: f.record_date, state: rule.fact.claim, since_record_id: since });
        continue;
      }
      // A claim is a change only as the first word on the topic; after that it restates or disputes.
      if (state !== null) continue;
    }
    const next = f.role === 'event' ? rule.fact.event : f.role === 'reversal' ? (rule.fact.reversal ?? rule.fact.claim) : rule.fact.claim;
    if (next === state) continue;
    state = next;
    history.push({ state, record_id: f.record_id, record_date: f.record_date, role: f.role });
  }
  const now = history.at(-1)!;
  return {
    topic: group[0].topic,
    state: now.state,
    since: now.record_date,
    record_id: now.record_id,
    rules: [...new Set(group.map((s) => s.rule.rule))],
    history,
    stale_claims: stale,
  };
}

const state = (what: string) => ({ type: 'string', minLength: 1, maxLength: 60, description: what });

export const FACT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['topic', 'event', 'claim'],
  description: "What the rule's statements establish, for the case fact sheet (--timeline): the topic, and the state each role establishes.",
  properties: {
    topic: {
      type: 'string',
      minLength: 1,
      maxLength: 80,
      description: 'What the statements are about ("Parenting programme"); may use {name} for a word list of `same:` ("{plan}").',
    },
    event: state('The state the event establishes ("completed", "negative test").'),
    claim: state('The state a claim states, which the event overtakes ("not done", "using").'),
    reversal: state('The state a reversal establishes ("positive test"); required when the rule has reversed_by.'),
    about: {
      type: 'string',
      minLength: 1,
      maxLength: 60,
      description: 'Who the statements are about when the records name nobody ("the child"); default "unnamed".',
    },
  },
};

/** What a `fact:` block gets wrong beyond its schema: placeholders that are not `same:` lists, a reversal state without reversals or the other way round. */
export function factProblems(rule: { fact?: FactSpec; same?: string[]; reversed_by?: unknown }): { key: string; message: string }[] {
  const fact = rule.fact;
  if (!fact) return [];
  const problems: { key: string; message: string }[] = [];
  for (const m of fact.topic.match(/\{[^}]*\}/g) ?? []) {
    if (!rule.same?.includes(m.slice(1, -1))) problems.push({ key: 'fact/topic', message: `${m} is not one of the rule's same: word lists` });
  }
  if (rule.reversed_by && !fact.reversal) problems.push({ key: 'fact/reversal', message: 'the rule has reversed_by: name the state a reversal establishes' });
  if (!rule.reversed_by && fact.reversal) problems.push({ key: 'fact/reversal', message: 'the rule has no reversed_by for this state to come from' });
  return problems;
}
