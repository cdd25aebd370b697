import { describe, expect, it } from 'vitest';
import { auditJson } from './support/run-cli.ts';
import { fixtureCorpus } from './support/fixture-corpus.ts';
import type { Flag } from '../src/model/flag.ts';

const FIXTURES = fixtureCorpus('fixtures/staleness');

const audit = auditJson;

describe('staleness fixtures', () => {
  it('flags exactly the out-of-date claims, each naming its event record', async () => {
    const report = await audit(FIXTURES);
    const flags = (report.flags as Flag[]).filter((f) => f.rule.startsWith('staleness.'));
    expect(flags.map((f) => [f.record_id, f.rule, f.severity, f.related_record_ids, f.span?.text])).toEqual([
      ['R7-102', 'staleness.conviction-or-allegation-cleared', 'error', ['R7-101'], 'convicted of wounding in 2023'],
      ['R7-112', 'staleness.conviction-or-allegation-cleared', 'error', ['R7-111'], 'affray conviction'],
      ['R7-122', 'staleness.negative-substance-test', 'warning', ['R7-121'], 'Mr Barnes drinks heavily most evenings'],
      ['R7-132', 'staleness.fii-excluded', 'error', ['R7-131'], "Isla's symptoms might be exaggerated by her mother"],
      ['R7-142', 'staleness.medical-explanation', 'warning', ['R7-141'], 'Nursery continue to report bruises that no doctor has explained'],
      ['R7-152', 'staleness.medical-explanation', 'warning', ['R7-151'], 'The blackouts remain unexplained'],
      ['R7-162', 'staleness.plan-or-order-ended', 'warning', ['R7-161'], 'please note Noah remains subject to a section 47 enquiry'],
      ['R7-172', 'staleness.now-employed', 'info', ['R7-171'], 'Dawn has no earned income'],
      ['R7-182', 'staleness.mental-health-discharge', 'warning', ['R7-181'], 'Mr Wood still refuses any support for his low mood'],
      ['R7-192', 'staleness.attendance-improved', 'warning', ['R7-191'], 'Maisie just attends school in the afternoons'],
      ['R7-202', 'staleness.health-registration', 'info', ['R7-201'], 'Oscar has no GP'],
      ['R7-222', 'staleness.parenting-course-completed', 'warning', ['R7-221'], 'Ms Shaw has had no input on routines'],
      ['R7-232', 'staleness.treatment-completed', 'warning', ['R7-231'], 'poor - Mr Price has not taken up the alcohol service offered to him'],
      ['R7-242', 'staleness.protective-order-ended', 'warning', ['R7-241'], 'occupation order against Mr Reyes in force'],
      ['R7-252', 'staleness.home-conditions-improved', 'warning', ['R7-251'], 'Ms Fox remains unable to keep the flat clean'],
      ['R7-302', 'staleness.contact-unsupervised', 'warning', ['R7-301'], 'Ruby only sees her dad at the contact centre for two hours a fortnight'],
      ['R7-312', 'staleness.plan-or-order-ended', 'warning', ['R7-311'], 'Kai remains on the child protection register under emotional abuse'],
      ['R7-322', 'staleness.conviction-or-allegation-cleared', 'error', ['R7-321'], 'Ms Dale has a caution for common assault'],
      ['R7-332', 'staleness.school-place', 'warning', ['R7-331'], 'Jade is permanently excluded'],
      ['R7-342', 'staleness.mental-health-discharge', 'warning', ['R7-341'], 'Cerys is currently an inpatient at the adolescent unit'],
      ['R7-352', 'staleness.medical-explanation', 'warning', ['R7-351'], "Ollie's meltdowns stem from inconsistent care at home"],
      ['R7-362', 'staleness.parenting-course-completed', 'warning', ['R7-361'], 'Mr Holt has not addressed his abusive behaviour through any programme'],
      ['R7-372', 'staleness.conviction-or-allegation-cleared', 'error', ['R7-371'], 'Mr Ford remains under police investigation'],
      ['R7-382', 'staleness.conviction-or-allegation-cleared', 'error', ['R7-381'], 'Mr Ali remains under police investigation for assault'],
      ['R7-402', 'staleness.parenting-course-completed', 'warning', ['R7-401'], "Ms Nunn's limited routines, with no parenting work undertaken"],
      ['R7-413', 'staleness.negative-substance-test', 'warning', ['R7-411'], "he's still using at weekends"],
      ['R7-503', 'staleness.public-funds', 'warning', ['R7-502'], 'family NRPF - unable to claim benefits'],
      ['R7-512', 'staleness.public-funds', 'warning', ['R7-511'], 'Mr Petrov still cannot apply for housing'],
      ['R7-602', 'staleness.plan-or-order-ended', 'warning', ['R7-601'], 'Mr Grant is on a suspended sentence'],
      ['R7-702', 'staleness.mental-health-discharge', 'warning', ['R7-701'], "Reuben's mother remains an inpatient at the Willow Unit"],
      ['R7-712', 'staleness.mental-health-discharge', 'warning', ['R7-711'], 'Ms Brook is still on the waiting list for counselling for her low mood'],
      ['R7-802', 'staleness.fii-excluded', 'error', ['R7-801'], "Ava's seizures may be exaggerated"],
      [
        'R8-102',
        'staleness.released-from-custody',
        'warning',
        ['R8-101'],
        "Tia's fortnightly video calls with her mum via the prison booking line are to carry on",
      ],
      ['R8-112', 'staleness.mental-health-discharge', 'warning', ['R8-111'], 'Mum remains open to the CMHT'],
      ['R8-122', 'staleness.treatment-completed', 'warning', ['R8-121'], 'Nina misses a methadone pick-up'],
      ['R8-132', 'staleness.contact-unsupervised', 'warning', ['R8-131'], 'Saturday time with Dad continues at the family centre'],
      ['R8-142', 'staleness.plan-or-order-ended', 'warning', ['R8-141'], 'CP visits for Layla continue every ten working days'],
      ['R8-152', 'staleness.attendance-improved', 'warning', ['R8-151'], 'unauthorised absences remain high'],
      ['R8-162', 'staleness.now-employed', 'info', ['R8-161'], 'Mr Cole is unemployed'],
      ['R8-172', 'staleness.now-housed', 'warning', ['R8-171'], 'Ms Reeves and Jack are sofa surfing between relatives'],
      ['R8-182', 'staleness.returned-home', 'warning', ['R8-181'], 'Poppy remains settled in her placement with Mr'],
      ['R8-202', 'staleness.parenting-course-completed', 'warning', ['R8-201'], 'Lucy to complete a parenting programme'],
      ['R8-212', 'staleness.parenting-course-completed', 'warning', ['R8-211'], 'Dawn has not done any parenting work yet'],
      ['R8-222', 'staleness.school-place', 'warning', ['R8-221'], 'Kit is still without a school place'],
      ['R8-232', 'staleness.public-funds', 'warning', ['R8-231'], 'The family have no recourse to public funds'],
      ['R8-242', 'staleness.conviction-or-allegation-cleared', 'error', ['R8-241'], 'Mr Grant is awaiting trial for the assault'],
      ['R8-252', 'staleness.mental-health-discharge', 'warning', ['R8-251'], 'Mr Webb remains under the care of the CMHT'],
      ['R8-262', 'staleness.now-housed', 'warning', ['R8-261'], 'Ms Lowe and Evie remain in a refuge'],
      ['R8-272', 'staleness.parents-separated', 'warning', ['R8-271'], 'Rory lives with both parents'],
      ['R8-282', 'staleness.negative-substance-test', 'warning', ['R8-281'], "Gina's misuse of alcohol remains the main risk to Lola"],
      ['R8-292', 'staleness.plan-or-order-ended', 'warning', ['R8-291'], 'interim care order / Placement'],
      ['R8-304', 'staleness.mental-health-discharge', 'warning', ['R8-302'], 'Claire remains under the care of the CMHT'],
      ['R8-312', 'staleness.negative-substance-test', 'warning', ['R8-311'], "Kath's cocaine use is still the main worry for Finn"],
      ['R8-322', 'staleness.contact-unsupervised', 'warning', ['R8-321'], 'Zac sees his dad each Sunday at the Oakwood Contact Centre'],
      ['R8-332', 'staleness.parenting-course-completed', 'warning', ['R8-331'], 'Owen to be assessed for, and then to complete, a Caring Dads programme'],
      ['R8-342', 'staleness.treatment-completed', 'warning', ['R8-341'], 'Jade has not engaged with the alcohol service'],
      ['R8-352', 'staleness.now-employed', 'info', ['R8-351'], 'Mr King is out of work'],
      ['R8-362', 'staleness.school-place', 'warning', ['R8-361'], 'Aiden out of school'],
      ['R9-103', 'staleness.parenting-course-completed', 'warning', ['R9-102'], 'Ms Kaur has still not completed Little Steps'],
      ['R9-113', 'staleness.parenting-course-completed', 'warning', ['R9-112'], 'Dad is yet to start Strong Fathers'],
      ['PC-106', 'staleness.parenting-course-completed', 'warning', ['PC-104'], 'Ms Doyle has not engaged with a parenting course'],
      ['PC-110', 'staleness.parenting-course-completed', 'warning', ['PC-104'], 'Ms Doyle is still on the waiting list for the Triple P group'],
      ['PC-203', 'staleness.parenting-course-completed', 'warning', ['PC-202'], 'Mr Sharma did not complete the Incredible Years programme'],
      ['PC-902', 'staleness.parenting-course-completed', 'warning', ['PC-901'], 'Ms Farrant has not engaged with a parenting programme'],
      ['PC-952', 'staleness.parenting-course-completed', 'warning', ['PC-951'], 'Ms Rourke must complete a parenting course'],
      ['PC-962', 'staleness.parenting-course-completed', 'warning', ['PC-961'], 'Mr Fenn has still not engaged in any parenting work'],
      ['ME-103', 'staleness.medical-explanation', 'warning', ['ME-102'], "Freya's absences are the result of Ms Lund's poor routines at home"],
      ['ME-203', 'staleness.medical-explanation', 'warning', ['ME-202'], "Oscar's meltdowns are due to Mr Venn's inconsistent boundaries"],
      ['ME-302', 'staleness.medical-explanation', 'warning', ['ME-301'], "Kai's poor weight gain is down to mum not feeding him enough"],
      ['ME-402', 'staleness.medical-explanation', 'warning', ['ME-401'], 'Theo, 14 months, has bruising with no satisfactory explanation from either parent'],
      ['ME-404', 'staleness.medical-explanation', 'warning', ['ME-403'], "Isla's meltdowns are a reaction to the lack of routine at home"],
      ['NE-103', 'staleness.now-employed', 'info', ['NE-102'], 'Mr Hale remains unemployed'],
      ['NE-302', 'staleness.now-employed', 'info', ['NE-301'], 'With Mr Gwyn not working'],
      ['NH-804', 'staleness.now-housed', 'warning', ['NH-802'], 'Given the temporary accommodation'],
      ['PE-103', 'staleness.protective-order-ended', 'warning', ['PE-102'], 'Ms Crane remains protected by a non-molestation order'],
      ['AI-103', 'staleness.attendance-improved', 'warning', ['AI-102'], "Mason's poor attendance means the plan needs to stay open for another three months"],
      ['AI-302', 'staleness.attendance-improved', 'warning', ['AI-301'], "Kit's reduced timetable means he is home by lunchtime"],
      ['TC-103', 'staleness.treatment-completed', 'warning', ['TC-102'], 'Mum is yet to engage with treatment for her drinking'],
      ['MH-103', 'staleness.mental-health-discharge', 'warning', ['MH-102'], 'Ms Rowntree remains under the perinatal mental health team'],
      ['MH-104', 'staleness.mental-health-discharge', 'warning', ['MH-102'], 'her care coordinator will be asked for a view'],
      ['TC-802', 'staleness.treatment-completed', 'warning', ['TC-801'], 'Mr Barr has not engaged with treatment at Wyvern Recovery'],
      ['TC-902', 'staleness.treatment-completed', 'warning', ['TC-901'], 'Mr Kerr still attends the Bridge Alcohol Service every Thursday'],
      ['TC-952', 'staleness.treatment-completed', 'warning', ['TC-951'], "Ms Platt's alcohol misuse remains the main risk to Sid"],
      ['NT-103', 'staleness.negative-substance-test', 'warning', ['NT-102'], 'Mr Turner continues to drink'],
      ['NT-203', 'staleness.negative-substance-test', 'warning', ['NT-202'], 'Ms Kelly uses cannabis daily'],
      ['NT-206', 'staleness.negative-substance-test', 'warning', ['NT-202'], 'Ongoing drug use by Ms Kelly remains the main concern'],
      ['NT-207', 'staleness.negative-substance-test', 'warning', ['NT-202'], "Ms Kelly's cannabis use is a daily feature of family life"],
      ['NT-302', 'staleness.negative-substance-test', 'warning', ['NT-301'], 'Mr Lyons drinks heavily'],
      [
        'NT-912',
        'staleness.negative-substance-test',
        'warning',
        ['NT-911'],
        "Kian's father's cocaine addiction makes him unreliable for the nursery pick-up on Thursdays",
      ],
      ['NT-922', 'staleness.negative-substance-test', 'warning', ['NT-921'], "Ms Lacey's daily amphetamine use means Rio is often late to nursery"],
      ['NT-932', 'staleness.negative-substance-test', 'warning', ['NT-931'], "Given Ms Ashdown's cannabis smoking"],
      ['NT-942', 'staleness.negative-substance-test', 'warning', ['NT-941'], "Mr Hollins' cocaine dependency"],
      ['NT-962', 'staleness.negative-substance-test', 'warning', ['NT-961'], "Mr Howell's drinking at weekends continues"],
      ['NT-972', 'staleness.negative-substance-test', 'warning', ['NT-971'], "Ms Dunn's drinking remains heavy at weekends"],
      ['NT-982', 'staleness.negative-substance-test', 'warning', ['NT-981'], "Mr Ince's cannabis use at weekends"],
      ['NE-902', 'staleness.now-employed', 'info', ['NE-901'], 'Mr Cole is out of work'],
      ['CV-103', 'staleness.conviction-or-allegation-cleared', 'error', ['CV-102'], 'Mr Pike has a previous conviction for drug supply'],
      ['CV-203', 'staleness.conviction-or-allegation-cleared', 'error', ['CV-202'], 'The allegation was substantiated'],
      ['CV-302', 'staleness.conviction-or-allegation-cleared', 'error', ['CV-301'], 'Mr Ashby was convicted of assault in 2021'],
      ['CV-702', 'staleness.conviction-or-allegation-cleared', 'error', ['CV-701'], 'Mr Greer has a conviction for affray'],
      ['CV-802', 'staleness.conviction-or-allegation-cleared', 'error', ['CV-801'], 'Mr Crane has a conviction for wounding'],
      ['CV-903', 'staleness.conviction-or-allegation-cleared', 'error', ['CV-901'], "Because of Mr Okoro's conviction for burglary"],
      ['CV-992', 'staleness.conviction-or-allegation-cleared', 'error', ['CV-991'], "Mr Okafor's caution for criminal damage means he cannot be approved"],
      ['CU-103', 'staleness.contact-unsupervised', 'warning', ['CU-102'], "Leo's contact with his father remains supervised"],
      [
        'CU-203',
        'staleness.contact-unsupervised',
        'warning',
        ['CU-201'],
        'the contact supervisor will collect Mia from school on Thursdays to take her to see her mum',
      ],
      ['CU-502', 'staleness.contact-unsupervised', 'warning', ['CU-501'], "Ada's time with her dad remains limited to three supervised hours each fortnight"],
      ['CU-952', 'staleness.contact-unsupervised', 'warning', ['CU-951'], "Carl's contact with Isaac remains supervised at weekends"],
      ['HC-103', 'staleness.home-conditions-improved', 'warning', ['HC-102'], 'Conditions in the home remain poor'],
      ['PO-903', 'staleness.plan-or-order-ended', 'warning', ['PO-901'], 'As Mason remains subject to a supervision order'],
      ['RC-103', 'staleness.released-from-custody', 'warning', ['RC-102'], 'Mr Shaw remains in prison'],
      ['RC-502', 'staleness.released-from-custody', 'warning', ['RC-501'], "His father's imprisonment still weighs on Jayce"],
      ['RC-602', 'staleness.released-from-custody', 'warning', ['RC-601'], 'Dad remains in custody at HMP Long Lartin'],
      ['RC-952', 'staleness.released-from-custody', 'warning', ['RC-951'], "Ty's dad is still inside"],
      ['SP-103', 'staleness.parents-separated', 'warning', ['SP-102'], 'Ms Fletcher lives with her partner'],
      ['SP-202', 'staleness.parents-separated', 'warning', ['SP-201'], "Evie's parents live together with Evie"],
      ['SP-203', 'staleness.parents-separated', 'warning', ['SP-201'], 'Mr Marsh remains part of the household'],
      ['SP-302', 'staleness.parents-separated', 'warning', ['SP-301'], 'Mr and Mrs Obi live together with the three children in a privately rented house'],
      ['PS-902', 'staleness.parents-separated', 'warning', ['PS-901'], "Kacey lives with her mum and her mum's partner Dean Walsh"],
      ['PS-952', 'staleness.parents-separated', 'warning', ['PS-951'], "Ella's parents are still together"],
      ['SC-102', 'staleness.school-place', 'warning', ['SC-101'], 'Tia is currently out of education'],
      ['HG-102', 'staleness.health-registration', 'info', ['HG-101'], 'Leo has no GP'],
      ['DX-103', 'staleness.diagnosis-excluded', 'warning', ['DX-102'], 'Freddie has ADHD'],
      ['DX-203', 'staleness.diagnosis-excluded', 'warning', ['DX-202'], 'Her personality disorder means Ms Moss struggles to regulate her emotions'],
      ['DX-302', 'staleness.diagnosis-excluded', 'warning', ['DX-301'], 'Aaron is autistic'],
      ['FX-103', 'staleness.fii-excluded', 'error', ['FX-102'], "Ms Barnes is exaggerating Theo's symptoms to keep him off school"],
      ['FX-202', 'staleness.fii-excluded', 'error', ['FX-201'], 'Mother continues to seek unnecessary medical attention for Amelia'],
      ['FX-302', 'staleness.fii-excluded', 'error', ['FX-301'], "Ms Hale is making up Lacey's seizures to get attention from professionals"],
      ['FX-402', 'staleness.fii-excluded', 'error', ['FX-401'], 'in light of the FII concerns'],
      ['FX-503', 'staleness.fii-excluded', 'error', ['FX-502'], 'FII remains the main hypothesis'],
      ['FX-602', 'staleness.fii-excluded', 'error', ['FX-601'], 'Given the FII concerns'],
      ['PO-702', 'staleness.plan-or-order-ended', 'warning', ['PO-701'], 'under the supervision order'],
      ['FX-902', 'staleness.fii-excluded', 'error', ['FX-901'], "Mrs Lyle tends to overstate Amelia's medical needs"],
      ['RH-103', 'staleness.returned-home', 'warning', ['RH-102'], 'Riley is still looked after'],
      ['RH-202', 'staleness.returned-home', 'warning', ['RH-201'], 'Maisie is a looked after child'],
      ['RH-302', 'staleness.returned-home', 'warning', ['RH-301'], 'Kian continues to live with his foster carers in Wakefield'],
      ['RH-602', 'staleness.returned-home', 'warning', ['RH-601'], "Toby's foster carers will collect him"],
      ['PO-103', 'staleness.plan-or-order-ended', 'warning', ['PO-102'], 'Jack remains subject to a child protection plan'],
      ['PO-202', 'staleness.plan-or-order-ended', 'warning', ['PO-201'], 'Sienna is subject to a care order'],
      ['PO-302', 'staleness.plan-or-order-ended', 'warning', ['PO-301'], "Zac's child in need plan remains in place"],
      ['PO-952', 'staleness.plan-or-order-ended', 'warning', ['PO-951'], 'As Remy remains subject to a child protection plan'],
      ['PO-962', 'staleness.plan-or-order-ended', 'warning', ['PO-961'], 'Tia remains on a child in need plan'],
      ['NH-103', 'staleness.now-housed', 'warning', ['NH-102'], 'Maisie and her mum remain in temporary accommodation'],
      ['NH-203', 'staleness.now-housed', 'warning', ['NH-202'], 'the family is still facing eviction from the privately rented house'],
      ['NT-502', 'staleness.negative-substance-test', 'warning', ['NT-501'], "Given Mr Marr's cocaine use"],
      ['CC-502', 'staleness.conviction-or-allegation-cleared', 'error', ['CC-501'], 'As a Schedule 1 offender'],
      ['TC-502', 'staleness.treatment-completed', 'warning', ['TC-501'], 'Ms Marr remains on a methadone script'],
      ['PO-502', 'staleness.protective-order-ended', 'warning', ['PO-501'], 'Mr Marr is subject to a non-molestation order'],
      ['NT-603', 'staleness.negative-substance-test', 'warning', ['NT-602'], "Dad's drinking means Carys goes to her aunt's on Friday nights"],
      ['NT-704', 'staleness.negative-substance-test', 'warning', ['NT-702'], "Jess's drug use means Ollie stays with his nan on Saturdays"],
      ['NH-902', 'staleness.now-housed', 'warning', ['NH-901'], 'Rosa and her mum are still in the refuge'],
    ]);
  });

  it('quotes the claim and the event record, with dates, and maps to 3.11 and 3.5', async () => {
    const report = await audit(['rules/tests/staleness.parenting-course-completed.csv']);
    const flag = (report.flags as Flag[]).find((f) => f.record_id === 'PC-106')!;
    expect(flag.message).toBe(
      'Record PC-106 (12/09/2023) states “Ms Doyle has not engaged with a parenting course”, but record PC-104 (20/06/2023) documents ' +
        '“She has completed the Triple P Group programme with distinction”. Bring the record up to date: say that the course was completed ' +
        '(and how), or, if the concern is about something else, say what it is and what it rests on.',
    );
    expect(flag.standards).toEqual(['3.11', '3.5']);
  });

  it('is the same whatever order the records are read in', async () => {
    const forward = await audit(FIXTURES);
    const backward = await audit([...FIXTURES].reverse());
    const key = (r: { flags: Flag[] }) =>
      r.flags
        .filter((f) => f.rule.startsWith('staleness.'))
        .map((f) => `${f.record_id} ${f.related_record_ids}`)
        .sort();
    expect(key(backward)).toEqual(key(forward));
  });
});
