import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NameBook, PersonFinder, professionalAccount, rolesIn, samePerson, subjectNameBefore, type PeopleWords } from './people.ts';
import { sexOfGivenName } from './lexicon/given-names.ts';

const pack = parse(readFileSync(new URL('../../rules/staleness.yaml', import.meta.url), 'utf8')) as { people: PeopleWords };
const finder = new PersonFinder([pack.people]);
/** Who the words at the end of a sentence are about. */
const who = (text: string, words: string) => {
  const at = text.indexOf(words);
  return finder.find({ start: 0, end: text.length, text, paragraph: 0 }, at, at + words.length);
};

describe('people: who a statement is about', () => {
  it('reads a given name used as a person: possessive, subject, a row of results, a full name', () => {
    expect(who("Kirsty's cannabis use worries the school.", 'cannabis use')).toMatchObject({ given: 'kirsty', surname: null, name: 'Kirsty' });
    expect(who('Owen has a caution for theft.', 'caution')).toMatchObject({ given: 'owen' });
    expect(who('Marcus OKORO – opiates: not detected', 'not detected')).toMatchObject({ given: 'marcus', surname: 'okoro', name: 'Marcus Okoro' });
    expect(who('Given Tyler’s absences, the school will phone home.', 'absences')).toMatchObject({ given: 'tyler' });
  });

  it('reads a name inside an opening quotation mark, a name before a common verb, and no weekday as a name', () => {
    expect(who("'Darren Moss has a caution for affray (2019).", 'caution')).toMatchObject({ given: 'darren', surname: 'moss' });
    expect(who('Callum showed me his contract: he started on nights in May.', 'started')).toMatchObject({ given: 'callum' });
    expect(who("Priya's brother Sunil, who drives her on Saturdays, is out of work.", 'out of work')).toMatchObject({ given: 'sunil', relative: true });
    // Surnames with an apostrophe or a second capital.
    expect(who("Ava is to see Sean O'Neill, unsupervised, on Sundays.", 'unsupervised')).toMatchObject({ given: 'sean', surname: "o'neill" });
    expect(who('Ava is to see Sean McAllister, unsupervised, on Sundays.', 'unsupervised')).toMatchObject({ given: 'sean', surname: 'mcallister' });
  });

  it('keeps a role in apposition with the person it renames', () => {
    expect(who("Dean Pryce, mum's boyfriend, has a conviction for burglary.", 'conviction')).toMatchObject({ given: 'dean', surname: 'pryce' });
    expect(who('Mr Okafor, the maternal grandfather, has a caution.', 'caution')).toMatchObject({ surname: 'okafor' });
  });

  it('passes over someone who reports the statement, reads a name that is also a common noun, and an organisation is no one', () => {
    expect(who('Nadia told me that Mark started work at the depot on Monday.', 'started work')).toMatchObject({ given: 'mark' });
    expect(who('Grace has completed the course.', 'completed')).toMatchObject({ given: 'grace' });
    expect(who('Trident Forensic Analysis reported that the result was negative.', 'negative')).toBeNull();
  });

  it('knows the sex of a common given name when the records do not give it', () => {
    const names = new NameBook();
    expect(names.sexOf('kirsty')).toBe('female');
    expect(names.sexOf('darren')).toBe('male');
    expect(names.sexOf('sam')).toBeNull();
    expect(samePerson({ sex: null, surname: null, given: 'kirsty' }, { sex: 'male', surname: 'holloway' }, names)).toBe(false);
  });

  it('reads a name before an adverb and a verb, and passes over the fields of a form', () => {
    expect(who('Ray still drinks most afternoons at the pub.', 'drinks')).toMatchObject({ given: 'ray' });
    expect(who('Discharged: 04/05/2023 to home address', 'home address')).toBeNull();
    expect(who('Result: negative for cocaine', 'negative')).toBeNull();
    // A letter's greeting names its reader, who is the subject only when spoken to.
    expect(who('Dear Mrs Patel, Kerry attended all ten sessions.', 'attended')).toMatchObject({ given: 'kerry' });
    expect(who('Dear Mrs Patel, I have discharged you from the clinic.', 'discharged')).toMatchObject({ surname: 'patel' });
    // So does an email's opening name and comma, when a note to the reader follows it.
    expect(who('Sandra, just to say the PNC entry has been amended.', 'amended')).toBeNull();
    expect(who('Sandra, confirming the hair test came back negative.', 'negative')).toBeNull();
    expect(who('Sandra, who is 34, has completed the course.', 'completed')).toMatchObject({ given: 'sandra' });
    expect(who('Mum, I am told, has relapsed.', 'relapsed')).toMatchObject({ word: 'Mum' });
  });

  it('takes a person named inside the statement before one named ahead of it', () => {
    expect(
      who('The order says Ava lives with her mother and spends time with her father unsupervised.', 'spends time with her father unsupervised'),
    ).toMatchObject({
      word: 'father',
    });
    expect(who('Mr Reid said the charge against Ms Lowe was dropped.', 'the charge against Ms Lowe was dropped')).toMatchObject({ surname: 'lowe' });
  });

  it('reads a known given name that ends a clause after a preposition, and not a place', () => {
    expect(who('The hair strand sample was taken on 06/02/2024 from Leanne.', 'hair strand sample')).toMatchObject({ given: 'leanne' });
    expect(who('The test came back negative, the family having moved to Hereford.', 'negative')).toBeNull();
  });

  it('takes a firm named by its trade for no one', () => {
    expect(who('His new employer, Kelbrook Logistics, confirmed he started there as a driver.', 'started')).toMatchObject({ word: 'he' });
    expect(who('Pentre Construction took Ms Hale on as a labourer.', 'labourer')).toMatchObject({ surname: 'hale' });
    // …and a service by its initials ("Brankwell CMHT"), which a surname in capitals would otherwise be.
    expect(who('Letter from Brankwell CMHT: the depression is in remission.', 'in remission')).toBeNull();
  });

  it('does not take capitalised words that are not names for people', () => {
    expect(who('Because of the caution, visits are at the centre.', 'caution')).toBeNull();
    expect(who('Wednesday: The Police National Computer shows a caution.', 'caution')).toBeNull();
  });

  it('takes a school, a place or a programme named after a capitalised word for no one', () => {
    expect(who('Kian started at Orchard Vale Primary on 04/03/2024.', 'started')).toMatchObject({ given: 'kian' });
    expect(who('Carys finished the Kindred Roots programme on Thursday.', 'finished')).toMatchObject({ given: 'carys' });
    expect(who('She has a job at the Brindle Arms.', 'job')).toMatchObject({ word: 'She' });
  });

  it('passes over a verb that opens a note and reads the name after it', () => {
    expect(who('Advised Kerry is still drinking most evenings.', 'still drinking')).toMatchObject({ given: 'kerry', surname: null });
    expect(who('Confirmed Dean Rowe has a caution for theft.', 'caution')).toMatchObject({ given: 'dean', surname: 'rowe' });
  });
});

describe('people: the child a statement is about', () => {
  it.each([
    ['Advised Maisie is on a CP plan', 'maisie'],
    ['Noted Tyler remains on a reduced timetable', 'tyler'],
    // What is the child's: "Finley's attendance remains…".
    ["Her brother Finley's attendance remains poor", 'finley'],
    ["Isla's school attendance remains", 'isla'],
    ["Ryan O'Brien is still", 'ryan'],
    ['Leah Fletcher remains subject', 'leah'],
    // No one: a role, or two children together.
    ["Mum's drinking is", null],
    ['Kai and Jade remain in', null],
  ])('%s: %s', (text, child) => {
    expect(subjectNameBefore(text)).toBe(child);
  });
});

describe('people: one person or two', () => {
  const book = new NameBook();
  book.add('Both carers, Jessica ("Jess") Lowe and Aaron Lowe, attended with their solicitor. Natalie, known as Nat, is the maternal aunt.');

  it('joins a nickname to its name and learns the surname of a given name', () => {
    expect(book.same('jessica', 'jess')).toBe(true);
    expect(book.same('natalie', 'nat')).toBe(true);
    expect(book.same('jess', 'aaron')).toBe(false);
    expect(book.surnameOf('jess')).toBe('lowe');
    expect(book.canonical('jessica')).toBe('jess');
  });

  it('takes an everyday short form for its full name, and nothing else', () => {
    expect(book.same('jo', 'joanne')).toBe(true);
    expect(book.same('katherine', 'kath')).toBe(true);
    expect(book.same('jo', 'josh')).toBe(false);
  });

  it('tells two people of one surname apart by their given names, and one person by a nickname', () => {
    const jessica = { sex: null, surname: 'lowe', given: 'jessica' };
    expect(samePerson(jessica, { sex: null, surname: null, given: 'jess' }, book)).toBe(true);
    expect(samePerson(jessica, { sex: null, surname: null, given: 'aaron' }, book)).toBe(false);
    // A given name whose surname the records give differs from a titled surname.
    expect(samePerson({ sex: 'male', surname: 'hart' }, { sex: null, surname: null, given: 'aaron' }, book)).toBe(false);
    expect(samePerson({ sex: 'male', surname: 'lowe' }, { sex: null, surname: null, given: 'aaron' }, book)).toBe(true);
    // A pronoun or a role names nobody: it may be anyone of that sex.
    expect(samePerson({ sex: 'female', surname: null }, { sex: null, surname: null, given: 'jess' }, book)).toBe(true);
  });

  it('takes a relative named by the same given name as the same person, and a relative role alone as someone else', () => {
    // "Your partner Kyle Marsh faces…" after "the jury found Kyle not guilty".
    expect(samePerson({ sex: null, surname: 'marsh', given: 'kyle', relative: true }, { sex: 'male', surname: null, given: 'kyle' })).toBe(true);
    expect(samePerson({ sex: 'male', surname: null, relative: true }, { sex: 'male', surname: null, given: 'kyle' })).toBe(false);
  });
});

describe('people: what the records say of a given name', () => {
  it('learns its sex from a title or a parent’s role in brackets, and keeps two women apart from a man', () => {
    const book = new NameBook();
    book.add('Present: Ms Kerry-Ann Doyle, Liam (father), Mr Sean Doyle.');
    expect(book.sexOf('kerry-ann')).toBe('female');
    expect(book.sexOf('liam')).toBe('male');
    expect(samePerson({ sex: null, surname: 'doyle', given: 'kerry-ann' }, { sex: 'male', surname: 'doyle' }, book)).toBe(false);
  });

  it('passes over a given name it is told to (the child, for a statement about a parent)', () => {
    const text = "Kai's mum, Shannon, says Kai's drinking worries are overblown; Kai's dad's drinking continues.";
    const at = text.lastIndexOf('drinking');
    const sentence = { start: 0, end: text.length, text, paragraph: 0 };
    expect(finder.find(sentence, at, at + 8)).toMatchObject({ word: 'dad' });
    expect(finder.find({ ...sentence, text: "Given Kai's and his dad's cocaine use" }, 33, 36, 'kai')).toMatchObject({ word: 'dad' });
    // A sentence that names only the child is about the child.
    expect(finder.find({ ...sentence, text: "Given Kai's cocaine use" }, 20, 23, 'kai')).toMatchObject({ given: 'kai' });
    expect(finder.find({ ...sentence, text: "Given Kai's cocaine use" }, 20, 23)).toMatchObject({ given: 'kai' });
  });

  it('reads a title only with its capital', () => {
    expect(who('The letter says she did not miss a single test.', 'test')).toMatchObject({ sex: 'female', word: 'she' });
  });
});

describe('people: given names that tell a sex', () => {
  it('knows names from the many communities records are written about, and leaves names used for both sexes alone', () => {
    expect(['farah', 'zainab', 'agnieszka', 'niamh', 'chioma'].map(sexOfGivenName)).toEqual(['female', 'female', 'female', 'female', 'female']);
    expect(['imran', 'tomasz', 'kwame', 'eoin', 'dafydd'].map(sexOfGivenName)).toEqual(['male', 'male', 'male', 'male', 'male']);
    expect(['jordan', 'sam', 'ali'].map(sexOfGivenName)).toEqual([null, null, null]);
  });
});

describe('people: whose account a reported statement is', () => {
  const author = 'Bryony Hale, Social Worker';
  it.each([
    // The record's author by name or initials, a worker, a service's heading, a topic's heading.
    ['Bryony', 'said', ' Mr Garside '],
    ['BH', 'said', ' '],
    ['The allocated social worker', 'told conference', ' that '],
    ['', 'School:', ' '],
    ['', 'Work and money:', ' '],
    ['Mrs Oakes from the school', 'reported', ' that '],
  ])('the record’s: %s %s', (source, cue, between) => {
    expect(professionalAccount(source, cue, between, author)).toBe(true);
  });
  it.each([
    // A parent, a belief, an unknown speaker, a denial, a quotation.
    ['Ms Garside', 'told me', ' she is sure '],
    ['', 'Mum:', ' '],
    ['Some staff', 'said', ' they still believe that '],
    ['Carys', 'said', ' '],
    ['', 'Carys:', ' '],
    ['The paediatrician', 'concluded', ' that there is no concern about '],
    ['The neighbour', 'said', ' '],
  ])('theirs: %s %s', (source, cue, between) => {
    expect(professionalAccount(source, cue, between, author)).toBe(false);
  });
});

describe('people: the parts a record gives the people it names', () => {
  const minutes = 'Present: Marta Quill (chair); Kai Adeyemi-Clarke (SW); Carys Yeardley (mother); Mrs Janice Threlfall (DSL, Ashby Primary).';
  const roles = rolesIn(minutes);
  it('reads each name with its part in brackets', () => {
    expect(roles.get('kai')).toBe('SW');
    expect(roles.get('adeyemi-clarke')).toBe('SW');
    expect(roles.get('yeardley')).toBe('mother');
    expect(roles.get('threlfall')).toBe('DSL, Ashby Primary');
  });
  it('takes a listed worker’s account, or a pronoun that stands for one, as the record’s; a listed parent’s as theirs', () => {
    expect(professionalAccount('Kai', 'told conference', ' that ', null, roles)).toBe(true);
    expect(professionalAccount('He', 'told conference', ' that ', null, roles, 'Kai summarised the report. ')).toBe(true);
    expect(professionalAccount('Carys', 'said', ' ', null, roles)).toBe(false);
    expect(professionalAccount('She', 'said', ' ', null, roles, 'Carys Yeardley spoke next. ')).toBe(false);
    // (A pronoun with no listed person before it is no one known.)
    expect(professionalAccount('He', 'said', ' ', null, roles, 'The report was read. ')).toBe(false);
  });
});
