/**
 * Social Work England professional standards (2019): the numbered statements flags map to.
 * Statements under standard 5 are things a social worker will not do.
 */
export const STANDARD_HEADINGS: Record<string, string> = {
  '1': 'Promote the rights, strengths and wellbeing of people, families and communities.',
  '2': 'Establish and maintain the trust and confidence of people.',
  '3': 'Be accountable for the quality of my practice and the decisions I make.',
  '4': 'Maintain my continuing professional development.',
  '5': 'Act safely, respectfully and with professional integrity.',
  '6': 'Promote ethical practice and report concerns.',
};

export const STANDARDS: Record<string, string> = {
  '1.1': 'Value each person as an individual, recognising their strengths and abilities.',
  '1.2':
    'Respect and promote the human rights, views, wishes and feelings of the people I work with, balancing rights and risks and enabling access to advice, advocacy, support and services.',
  '1.3': 'Work in partnership with people to promote their wellbeing and achieve best outcomes, recognising them as experts in their own lives.',
  '1.4': 'Value the importance of family and community systems and work in partnership with people to identify and harness the assets of those systems.',
  '1.5':
    'Recognise differences across diverse communities and challenge the impact of disadvantage and discrimination on people and their families and communities.',
  '1.6': 'Promote social justice, helping to confront and resolve issues of inequality and inclusion.',
  '1.7':
    "Recognise and use responsibly, the power and authority I have when working with people, ensuring that my interventions are always necessary, the least intrusive, proportionate, and in people's best interests.",
  '2.1': 'Be open, honest, reliable and fair.',
  '2.2': "Respect and maintain people's dignity and privacy.",
  '2.3': 'Maintain professional relationships with people and ensure that they understand the role of a social worker in their lives.',
  '2.4':
    'Practise in ways that demonstrate empathy, perseverance, authority, professional confidence and capability, working with people to enable full participation in discussions and decision making.',
  '2.5': 'Actively listen to understand people, using a range of appropriate communication methods to build relationships.',
  '2.6': 'Treat information about people with sensitivity and handle confidential information in line with the law.',
  '2.7': 'Consider where conflicts of interest may arise, declare conflicts as early as possible and agree a course of action.',
  '3.1': 'Work within legal and ethical frameworks, using my professional authority and judgement appropriately.',
  '3.2':
    'Use information from a range of appropriate sources, including supervision, to inform assessments, to analyse risk, and to make a professional decision.',
  '3.3':
    'Apply my knowledge and skills to address the social care needs of individuals and their families commonly arising from physical and mental ill health, disability, substance misuse, abuse or neglect, to enhance quality of life and wellbeing.',
  '3.4': 'Recognise the risk indicators of different forms of abuse and neglect and their impact on people, their families and their support networks.',
  '3.5': 'Hold different explanations in mind and use evidence to inform my decisions.',
  '3.6':
    'Draw on the knowledge and skills of workers from my own and other professions and work in collaboration, particularly in integrated teams, holding onto and promoting my social work identity.',
  '3.7':
    'Recognise where there may be bias in decision making and address issues that arise from ethical dilemmas, conflicting information, or differing professional decisions.',
  '3.8': 'Clarify where the accountability lies for delegated work and fulfil that responsibility when it lies with me.',
  '3.9':
    'Make sure that relevant colleagues and agencies are informed about identified risks and the outcomes and implications of assessments and decisions I make.',
  '3.10': 'Establish and maintain skills in information and communication technology and adapt my practice to new ways of working, as appropriate.',
  '3.11': 'Maintain clear, accurate, legible and up to date records, documenting how I arrive at my decisions.',
  '3.12': 'Use my assessment skills to respond quickly to dangerous situations and take any necessary protective action.',
  '3.13':
    'Provide, or support people to access advice and services tailored to meet their needs, based on evidence, negotiating and challenging other professionals and organisations, as required.',
  '3.14': 'Assess the influence of cultural and social factors over people and the effect of loss, change and uncertainty in the development of resilience.',
  '3.15':
    'Recognise and respond to behaviour that may indicate resistance to change, ambivalent or selective cooperation with services, and recognise when there is a need for immediate action.',
  '4.1': 'Incorporate feedback from a range of sources, including from people with lived experience of my social work practice.',
  '4.2':
    'Use supervision and feedback to critically reflect on, and identify my learning needs, including how I use research and evidence to inform my practice.',
  '4.3': 'Keep my practice up to date and record how I use research, theories and frameworks to inform my practice and my professional judgement.',
  '4.4':
    'Demonstrate good subject knowledge on key aspects of social work practice and develop knowledge of current issues in society and social policies impacting on social work.',
  '4.5': 'Contribute to an open and creative learning culture in the workplace to discuss, reflect on and share best practice.',
  '4.6': 'Reflect on my learning activities and evidence what impact continuing professional development has on the quality of my practice.',
  '4.7': "Record my learning and reflection on a regular basis and in accordance with Social Work England's guidance on continuing professional development.",
  '4.8': 'Reflect on my own values and challenge the impact they have on my practice.',
  '5.1': 'Abuse, neglect, discriminate, exploit or harm anyone, or condone this by others.',
  '5.2': 'Behave in a way that would bring into question my suitability to work as a social worker while at work, or outside of work.',
  '5.3': 'Falsify records or condone this by others.',
  '5.4': 'Ask for, or accept any money, gifts or hospitality which may affect or appear to affect my professional judgement.',
  '5.5': "Treat someone differently because they've raised a complaint.",
  '5.6':
    'Use technology, social media or other forms of electronic communication unlawfully, unethically, or in a way that brings the profession into disrepute.',
  '6.1': 'Report allegations of harm and challenge and report exploitation and any dangerous, abusive or discriminatory behaviour or practice.',
  '6.2':
    "Reflect on my working environment and where necessary challenge practices, systems and processes to uphold Social Work England's professional standards.",
  '6.3': 'Inform people of the right to complain and provide them with the support to do it, and record and act on concerns raised to me.',
  '6.4': "Take appropriate action when a professional's practice may be impaired.",
  '6.5': 'Raise concerns about organisational wrongdoing and cultures of inappropriate and unsafe practice.',
  '6.6':
    'Declare to the appropriate authority and Social Work England anything that might affect my ability to do my job competently or may affect my fitness to practise, or if I am subject to criminal proceedings or a regulatory finding is made against me, anywhere in the world.',
  '6.7':
    'Cooperate with any investigations by my employer, Social Work England, or another agency, into my fitness to practise or the fitness to practise of others.',
};

export function isStandard(number: string): boolean {
  return Object.hasOwn(STANDARDS, number);
}

/** Standard numbers in reading order (3.2 before 3.11). */
export function compareStandards(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}
