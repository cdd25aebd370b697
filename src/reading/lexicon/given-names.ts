/**
 * Common given names in England and Wales that are almost always one sex, for telling two
 * people of one surname apart when the records give neither a title nor a role ("Kirsty Holloway
 * completed the Freedom Programme" is not "Mr Holloway"). Names used for both sexes (Alex, Sam,
 * Charlie, Jordan, Jamie, Frankie…) are left out: the records must say.
 */
const FEMALE =
  'abigail aimee alice alison amanda amber amelia amy andrea angela anna anne annie ava bethany beverley brooke carly caroline carol carys catherine charlotte ' +
  'chantelle chelsea chloe claire clare courtney danielle dawn debbie deborah demi donna eleanor elizabeth ella ellie emily emma erin esther evie faye fiona ' +
  'florence freya gemma georgia grace hannah harriet hayley heather helen holly imogen isabel isabella isla jade jane janet jasmine jennifer jessica joanne ' +
  'jodie julie karen kate katie kayleigh kelly kerry kimberley kirsty laura lauren leah leanne lily lisa lorraine louise lucy lydia lynne maisie mandy ' +
  'maria marie megan melissa mia michelle millie molly naomi natalie natasha nicola nicole olivia paige pamela paula phoebe poppy rachel rebecca rhiannon ' +
  'rose ruby sally samantha sandra sarah scarlett shannon sharon shauna shona sian sophie stacey stephanie susan tanya tara tracey tracy vicky victoria ' +
  'wendy yasmin zara zoe ' +
  // Names that are also common nouns, read as names only when capitalised ("Ray still drinks…").
  'daisy ivy violet iris hazel pearl faith joy ' +
  'mary rosemary hilary marion constance ' +
  // Names of parents' and grandparents' generations.
  'gina sue val liz beth lyn jean joan maureen brenda shirley margaret carole denise gail tina lorna yvonne diane marion irene linda sheila josie kath bev jill gill ' +
  // Names common in England's South Asian, African, Eastern European, Irish, Welsh and Scottish families.
  'farah aisha ayesha fatima zainab amina aaliyah hafsa maryam sana samira nadia priya anjali sunita neha pooja kavita asha ruksana shazia nasreen parveen ' +
  'rubina chioma ngozi adaeze abimbola funmi folake kemi agnieszka katarzyna magdalena oksana olena irina svetlana elena natalia ewa monika ioana andreea ' +
  'alina siobhan niamh aoife roisin ciara bronwen ffion cerys seren eilidh morag catriona';
const MALE =
  'aaron adam aiden alan alfie andrew anthony archie arthur ashley barry ben benjamin bradley brandon callum carl charles chris christopher craig damian ' +
  'daniel darren david dean declan dylan edward elliot ethan finley gareth gary george graham harrison harry harvey henry ian isaac jack jacob jake james ' +
  'jason jayden joe john jonathan joseph josh joshua kai keith kevin kieran kyle lee leo lewis liam logan luke marcus mark martin matthew michael mohammed ' +
  'muhammad nathan neil nicholas noah oliver oscar owen patrick paul peter philip reece rhys richard riley robert ryan scott sean shane simon stephen ' +
  'steven stuart theo thomas tom tony tyler wayne william ' +
  'connor mason ollie reuben jenson bobby lawrence terence clarence lance jared ned fred ' +
  'ray rob bill frank guy rod cliff glen miles ' +
  'ron don ken len reg stan ted jim tim dan phil rick ricky nick vince clive derek trevor colin roger malcolm nigel dennis brian kenneth ronald donald gordon howard ' +
  'imran omar ahmed hassan ibrahim yusuf bilal tariq zain amir asif faisal arjun rohan sanjay vikram kwame kofi emeka chinedu tunde segun piotr tomasz ' +
  'krzysztof pawel marek andrzej jakub lukasz mateusz dmitri sergei ivan andrei florin bogdan cian conor padraig seamus eoin dafydd rhodri gethin iwan hamish angus';

const sexes = new Map<string, 'female' | 'male'>();
for (const n of FEMALE.split(' ')) sexes.set(n, 'female');
for (const n of MALE.split(' ')) sexes.set(n, 'male');

/** The sex a given name (lower-cased) almost always has, or null when it is not on the lists. */
export function sexOfGivenName(given: string): 'female' | 'male' | null {
  return sexes.get(given) ?? null;
}

/**
 * Everyday short forms of given names ("Jo" for Joanne, "Rob" for Robert): records call one
 * person by both, often in the same case, without ever writing "known as".
 */
const SHORT_FORMS =
  'jo:joanne,joanna,josephine sam:samantha,samuel chris:christopher,christine,christina kath:katherine,kathryn,catherine ' +
  'kathy:katherine,kathryn,catherine kate:katherine,kathryn,catherine katie:katherine,kathryn,catherine liz:elizabeth ' +
  'lizzie:elizabeth beth:elizabeth,bethany rob:robert robbie:robert bob:robert bobby:robert bill:william will:william ' +
  'billy:william jim:james jimmy:james dan:daniel danny:daniel nick:nicholas nicky:nicola,nicholas mike:michael mick:michael ' +
  'dave:david steve:stephen,steven tony:anthony andy:andrew pete:peter tom:thomas tommy:thomas ben:benjamin ' +
  'alex:alexander,alexandra vicky:victoria vikki:victoria becky:rebecca becca:rebecca sue:susan jenny:jennifer jen:jennifer ' +
  'mandy:amanda debbie:deborah deb:deborah pat:patricia,patrick matt:matthew josh:joshua gina:georgina tash:natasha ' +
  'nat:natalie,natasha,nathan lou:louise charlie:charlotte,charles maggie:margaret peggy:margaret ken:kenneth ron:ronald ' +
  'don:donald gill:gillian val:valerie di:diane jackie:jacqueline sandy:sandra terry:terence,teresa phil:philip ' +
  'ed:edward eddie:edward fred:frederick freddie:frederick harry:henry,harold';
const shortForms = new Map<string, Set<string>>();
for (const entry of SHORT_FORMS.split(' ')) {
  const [short, full] = entry.split(':');
  shortForms.set(short, new Set(full.split(',')));
}

/** Whether one given name (lower-cased) is an everyday short form of the other. */
export function isShortForm(a: string, b: string): boolean {
  return (shortForms.get(a)?.has(b) ?? false) || (shortForms.get(b)?.has(a) ?? false);
}
