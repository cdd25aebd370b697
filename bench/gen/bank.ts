/**
 * The prose bank: sentence templates in the register of English children's social-care case
 * notes (see template.ts for the {a|b} and [var] syntax). Every group is written so that an
 * ordinary record carries no stigmatising label, no staleness event or claim and no decision
 * without reasons: the generator plants those deliberately (defects.ts), so that the ground
 * truth is exact. Pronouns after the child's name are the child's own; sentences about a
 * parent name the parent first.
 */

/** Opening of a home visit. */
export const VISIT_OPEN = [
  'On arrival, [child] was <act> <spot> and [mother] was {making|cooking|serving|heating up} <food>.',
  'When I arrived there was <thing> <spot> and [mother] said the children had been <act> <when>.',
  "{Announced|Planned|Unannounced|Statutory} {home |}visit to {the family home|[mother]'s address|the home address} on [street]{| as part of the {child protection|child in need} plan| following the core group meeting}.",
  'Visited {the family home|the property|the home} {with|alongside} {a student social worker|the family support worker|the health visitor|a colleague from the team}.',
  'I {arrived|attended} at {about |approximately |}[time] and {[mother] answered the door|[mother] let me in|was let in by [mother]|knocked twice before [mother] came to the door}.',
  '{This was|The visit was} {a planned|an unannounced|a statutory} visit{, arranged by text message on [day]|, agreed at the last core group|, booked at the end of the last visit|}.',
  '[Mother] {was expecting me|knew I was coming|had forgotten about the visit but invited me in|asked me to wait while she moved the dog into the garden}.',
  'Present {for the visit|during the visit|at the start of the visit}: [mother], [child]{ and [sib]| and the maternal grandmother|}.',
  '{The purpose of the visit was|I explained that the purpose of the visit was} to {see [child]|review progress against the plan|talk through the actions from the core group|see the children and check on the home conditions|follow up the concerns raised by school}.',
  '{On arrival|When I arrived}, {the television was on|music was playing quietly|[child] was {eating breakfast|watching cartoons|playing on the tablet|doing homework at the table}|the front garden had been tidied}.',
];

/** The home and its conditions. */
export const HOME = [
  'There was <thing> <spot> and <thing> <spot>, which [mother] said {came from the charity shop|was a present from her sister|had been there since <when>|the children use every day}.',
  "I noticed <thing> <spot>; [mother] said {it was new|it had been a birthday present|it belongs to the children's cousin|the landlord is coming to look at it <when>}.",
  'In the kitchen there was <thing>, <thing> and <thing> {on the side|by the sink|on the table}, and [mother] was preparing <food> for tea.',
  'The living room had <things> {on the floor|by the television|in the corner}, and there was <thing> <spot>.',
  "[Mother] {has bought|has been given|has found} <thing> for <place> and <thing> for the children's room.",
  'The home was {clean and tidy|warm and tidy|cluttered but clean|reasonably tidy|in a similar condition to the last visit}{, with {washing drying on the radiator|toys on the living room floor|a smell of cooking|the windows open}|}.',
  'There was {food in the fridge and cupboards|fresh fruit in the kitchen|enough food in the house|a meal being prepared} and {the kitchen surfaces were clean|the bins had been emptied|the sink was clear of dishes}.',
  "I {viewed|was shown} {the children's bedrooms|[child]'s bedroom|all the rooms upstairs}{ with [mother]'s agreement|}; {the beds had clean bedding|each child has their own bed|there were clothes put away in drawers|the room was decorated with posters and fairy lights}.",
  'The {downstairs toilet|bathroom} {was clean|had been repaired since the last visit|still has a leaking tap, which [mother] has reported to the landlord}.',
  '[Mother] {showed me|pointed out} {the new stair gate|the new carpet in the hallway|the damp in the back bedroom|the new bunk beds} and said {the housing association|the landlord|her brother} {had fitted it|is dealing with it|helped with it}.',
  'There {were no|was no} {obvious hazards|safety concerns} {observed|noted} in the home{; medication was stored in a high cupboard|; the cleaning products are kept in a locked cupboard|}.',
  'The {garden|yard} {was tidy|had a trampoline and a paddling pool|was overgrown but there was nothing dangerous in it|has been cleared of the rubbish that was there in [date2]}.',
  'The {house|flat} {is a two-bedroom|is a three-bedroom|is a first-floor|is a ground-floor} {housing association|council|privately rented} {property|flat|house} {close to the school|on a busy road|near [place] park}.',
  'The {heating was on|house was warm|house was cold, and [mother] said the gas meter had run out the night before}{ and there was electricity on the meter|}.',
  'The {dog|cat|family dog} {was shut in the kitchen|was calm|was in the garden} {during the visit|throughout}.',
];

/** The child seen. These open with the child's name and age, as a worker identifies the child observed. */
export const SEEN = [
  "[child] ([age]) was seen {alone|on [his] own|with [mother]'s agreement|in [his] bedroom|in the living room} {and was happy to talk with me|and showed me [his] {drawings|Lego models|school books|toys}|for about {ten|fifteen|twenty} minutes}.",
  '[child] ([age]) {was|appeared} {well presented|clean and appropriately dressed|settled and chatty|quiet at first but warmed up|tired but happy|relaxed} {and|;} [he] {was wearing {school uniform|pyjamas|a football kit|clean clothes}|had [his] hair brushed|was happy to sit with me}.',
  '[child] ([age]) was {at home|in the living room|in the garden|at the kitchen table} {when I arrived|during the visit} and {came to say hello|showed me around|talked about [his] day|carried on with [his] game}.',
  '[child] ([age]) {was seen|spoke with me} {on [his] own|alone} {in [his] bedroom|at the kitchen table|in the garden} {and I used the three houses tool|and we completed a "my week" sheet|and we talked about what is going well at home}.',
];

/** How the child presented, and what they did. */
export const CHILD = [
  '[child] {showed me|brought me|was keen to show me} <thing> that [he] {had made|was given|had found|won} <when>, and then {went back to|carried on} <act>.',
  '[child] was <act> <spot> when I arrived and said [he] had been doing it since <when>.',
  '[child] said [he] had <food> for tea <when> and that [his] favourite is <food>.',
  '[child] talked about <thing> [he] {wants|would like|is saving up} for and about going to <place> <when>.',
  '[child] {seemed|looked} <feeling> when we talked about <place>, and was <feeling> again when we moved on to <thing>.',
  'We spent some time <act> together <spot>, and [child] {explained|showed me} how [he] {does it|likes to do it|learned it at school}.',
  '[child] {had|has} <thing> and <thing> {in [his] room|on [his] bed|on the shelf above [his] bed}, and told me about <thing> [he] lost at <place> <when>.',
  '[child] {chatted|talked} {about|happily about} {[his] friends at school|a birthday party at the weekend|[his] favourite programme|going swimming|the new puppy next door|[his] football team|a trip to the park}.',
  '[child] {appeared|seemed|presented as} {comfortable|relaxed|at ease|happy} {with [mother]|in the home|around [mother]} and {went to her for a cuddle|sat next to her on the sofa|asked her for a drink|showed her [his] drawing}.',
  '[child] {showed me|wanted to show me} {[his] bedroom|[his] reading book|[his] certificate from school|the den [he] had built|[his] new trainers}{ and was proud of it|, and was keen to talk about it|}.',
  '{There were no|I did not see any} {marks or injuries|visible marks} on [child]{ during the visit|, who was wearing a short-sleeved top|}.',
  '[child] {is|has been} {eating well|sleeping better|going to bed at around [time]|getting up on time for school}{, according to [mother]|}.',
  '[child] {was a little shy|was quiet|was unsure of me} {at first|to begin with} but {soon joined in|relaxed when we started drawing|was chatting by the end of the visit}.',
  '[child] {is toilet trained|is working on toilet training|is walking now|is saying a few words|is crawling and pulling to stand} and {[mother] is pleased with [his] progress|the health visitor is happy with [his] development}.',
  '[child] {played|was playing} {with [his] cars|with a jigsaw|with play dough|on [his] tablet|with building blocks} {on the floor|at the table|while I spoke with [mother]} and {was engaged in [his] play|looked up to check on [mother] now and then|brought toys over to show me}.',
  '[child] {said [he]|told me [he]} {likes|enjoys} {art|maths|PE|reading|playtime|forest school} {best|the most} at school{ and that [his] teacher is kind|}.',
  '[child] {is|has been} {attending|going to} {football training|dance classes|the youth club|Scouts|a Saturday drama group} {on a [day]|every week|with [his] friend}.',
];

/** The child's words, quoted. */
export const VOICE = [
  '[child] said "{I made|I got|I want} <thing>" and {laughed|smiled|pointed to it}, then said [he] {likes|does not like} going to <place>.',
  "When I asked how things were at home, [child] said \"{it's good|it's alright|mum's been happy|we had a takeaway on Friday|I like it when we go to nanna's}\".",
  'When asked {what makes [him] happy|who [he] would talk to if [he] was worried|what [he] would change at home}, [child] said "{my mum|my nan|my teacher|playing with my friends|going to the park|nothing, it\'s fine}".',
  "[child] said {that [he] feels safe at home|that [he] likes living with [mother]|[he] would like to see [father] more often|[he] is looking forward to the holidays|that bedtime is at eight o'clock}{ and I have recorded [his] words on the child's voice sheet|}.",
  'Using the three houses, [child] put {"mum shouting"|"not having my own room"|"when my phone gets taken"|"the bus to school"} in the house of worries and {"my dog"|"my friends"|"football"|"my nan\'s house"} in the house of good things.',
  '[child] {said|told me} "{I don\'t like it when people argue|I want to stay here|I miss my dad|school is boring but I like my friends|I\'m fine}" and {did not want to say more|changed the subject|went back to [his] game}.',
  'I asked [child] {what [his] wishes are|what [he] would like to happen|who [he] would like to live with} and [he] said "{to stay with mum|to see dad at the weekends|to have a sleepover|to go back to my old school}".',
];

/** Discussion with the mother (named first in every template). */
export const PARENT = [
  '[Mother] said the children had <food> for tea <when> and that they had all been to <place>.',
  '[Mother] talked about <thing> {that needs replacing|that broke <when>|that the landlord has not fixed|she is saving for} and about getting <thing> for [child].',
  '[Mother] {said|explained} that <when> the children were <act> <spot>, and that {it was a good day|they all enjoyed it|it was the first time in weeks}.',
  '[Mother] has started <act> with the children <when>, {which she said|and she feels this} {helps with the bedtime routine|keeps them busy|gives her some time to herself}.',
  '[Mother] {said|told me|reported} that {things have been {calmer|better|more settled|difficult} at home|she has been {sleeping better|feeling low|keeping busy|looking for work}|the children have been {arguing|getting on well|more settled at bedtime}} {since the last visit|over the past {week|fortnight|month}|recently}.',
  '[Mother] {spoke about|talked about|raised} {money worries|the rent arrears|the universal credit claim|her housing application|her relationship with her own mother|her mental health|her plans to start college} and {we discussed|I gave her information about|we agreed to look at} {the local food bank|the citizens advice service|the early help offer|the talking therapies service|a referral to the community mental health team}.',
  "[Mother] {was open|spoke openly|was honest} {about|in discussing} {the concerns raised by school|what happened on [date]|the difficulties over the weekend|how she manages [child]'s behaviour} and {agreed with the actions on the plan|asked for help with routines|said she would speak to the school herself}.",
  "[Mother] {has been attending|continues to attend|has started attending} {the family centre|the stay and play group|her GP appointments|the women's group at [place]|the Freedom Programme} {on a [day]|weekly|each week} and {said she finds it helpful|has made friends there|is finding it difficult to get there on time}.",
  "[Mother] {explained|said} that {she has a new job at the supermarket|she is on a waiting list for counselling|she has been to the housing office|the children's father has not been in touch|she has been to see her GP about her low mood} and {we talked about how this affects the children|I asked how she is managing|I said I would update the core group}.",
  '[Mother] {asked|wanted to know} {when the plan will be reviewed|whether the social worker will change|if the children can have a holiday with their nan|what happens at the next conference|why school had made a referral} and {I explained|we talked through} {the process|the timescales|what the next steps are}.',
  '[Mother] {was tearful|became upset|was frustrated} {when we talked about|when discussing} {the referral|the last conference|her own childhood|the court hearing} and {I gave her time|we paused|she said she wanted to carry on}.',
  "[Mother] {told me|said} {she|that she} {has been keeping a diary of|is working on} {the bedtime routine|the children's school mornings|her budgeting|the meal plan} and {showed me the chart on the fridge|said it is helping|wants to keep going with it}.",
  "{We discussed|I discussed with [mother]} {the school attendance|[child]'s dental appointment|the outstanding health assessment|home conditions|safe sleeping|the use of the tablet at night|routines after school} and [mother] {agreed to|said she would} {book it this week|speak to the school|put a timer on the tablet|ring the dentist|follow the advice}.",
  "[Mother] {reported|said} that {the children's father|[father]} {has not seen the children since [date]|collects the children on a [day]|has been in touch by text|wants to see the children more often} and {she is happy with this|she is not sure about this|we talked about how this could be arranged}.",
  '[Mother] {acknowledged|accepted|recognised} that {the house had been untidy at the last visit|the children had missed school|[child] had been late several times|the arguments had upset the children} and {is trying to change this|asked for support|has made changes since}.',
  '[Mother] {showed me|read me} {a letter from the housing association|a text from the school|the appointment letter for [child]|the certificate from the Freedom Programme group} and {I took a photograph of it for the file|we agreed the next steps|I said I would chase it up}.',
];

export const PARENT_MORE = [
  "{During the visit|Later in the visit|Before I left}, [mother] {talked about|mentioned|brought up} {the new school uniform grant|a job interview next week|her cousin's wedding|the repairs the landlord has promised|the bus fares to the hospital} and {I signposted her to the local welfare fund|we agreed she would let me know how it goes|I said I would write a letter of support}.",
  '{We talked about|I asked [mother] about} {bedtimes|screen time|the morning routine|mealtimes|how she gets the children to school|who she can call in an emergency}; [mother] {said|explained that} {it is getting easier|the children are in bed by eight most nights|she has started using a reward chart|her sister helps on Tuesdays}.',
  '{It was positive to see|I noted|It was good to see} that [mother] {had followed up the GP referral|had filled in the housing form|had bought a new bed for [child]|had kept the appointment at the dentist|had been to the group on [day]}.',
  '[Mother] {has a new partner|is in contact with an old friend|has started volunteering at the charity shop|has been going to the gym with her sister} and {I asked about this|we talked about how the children have responded|she said she would introduce him at the next visit|this seems to be helping her mood}.',
  '{I gave|I left} [mother] {a leaflet about the local young carers service|the number for the parenting helpline|information about free school meals|a copy of the safety plan|the referral form for the family hub} and she {said she would read it|put it on the fridge|asked me to go through it with her}.',
  '[Mother] {feels|said she feels} that {the social work involvement has helped|things are moving in the right direction|the school have been supportive|she would like more notice of visits|the last meeting went well} and {I have noted her views|we agreed to review this at the next core group|this will be shared with the IRO}.',
];

/** The father, and contact. */
export const FATHER = [
  '[Father] {took|is taking} the children to <place> <when> and {bought|is getting} <thing> for [child].',
  '[Father] {was present for part of the visit|arrived towards the end of the visit|joined the visit by video call|was not at home}{ and {said he wanted to be involved|spoke about his work|asked about the plan}|}.',
  '[Father] {spoke with me by telephone|rang me} {after the visit|later that day|on [day]} and {said he is {working away|doing shifts|living with his parents}|asked for a copy of the plan|wanted to know about contact}.',
  "Contact between [child] and [father] {takes place|is taking place|has been taking place} {on a [day] afternoon|every other weekend|at the family centre|at the paternal grandparents' home} and {is going well|has been consistent|has been missed twice this month}.",
  '[Father] {said|told me} that {he has a new flat in [place]|he has started a new job|he wants to have the children overnight|he has been to the GP about his sleep} and {I explained the process|we talked about what support he needs|I said I would discuss this with my manager}.',
  '[Father] {attended|did not attend} the {core group|review meeting|contact session} on [date]{ and apologised|; he said he had to work|}.',
  '[Father] {has been sending|sends} [child] {birthday cards|messages|a weekly video call} and [mother] {is supportive of this|said this is fine|would like it to be more regular}.',
];

/** Brothers and sisters (used only where the family has more than one child). */
export const SIBLING = [
  '[sib] ([sibAge]) was {also seen|seen briefly|at home too} and {was playing in the garden|was asleep upstairs|showed me a school project|was watching television}.',
  '[sib] {and [child] were playing together|and [child] were arguing over the tablet|was being helped with homework by [mother]} {when I arrived|during the visit}.',
  '[Mother] said {[sib] has been|that [sib] is} {doing well at school|finding the move to secondary school hard|sleeping in the same room as [child] at the moment|excited about the school trip}.',
  "[sib] ([sibAge]) {was at school|was at nursery|was at the childminder's|was at the maternal grandmother's} {during the visit|today} and {will be seen on the next visit|was seen at school on [date]}.",
];

/** School and education. */
export const SCHOOL = [
  '[teacher] said that [child] {talked in class about|wrote a story about|drew a picture of} <act> and seemed <feeling>.',
  '[dsl] said [child] {brought in|talked about|showed the class} <thing> <when> and was <feeling> about it.',
  '{School|The school} {sent|shared} a photograph of [child] on the trip to <place>, and [teacher] said [he] was <feeling> all day.',
  "{I spoke with|Spoke with|Telephone discussion with} [dsl], Designated Safeguarding Lead at [school], {who said|who reported that|who confirmed that} [child]'s attendance {is|has been} {96%|92%|88%|85%|98%} this {term|half term|year}.",
  '[teacher] (class teacher) {said|reported} that [child] {has settled well|is making good progress with reading|has been tired in the mornings|has been more talkative in class|has had a good week|is working at the expected level}.',
  '[school] {have|has} {put in place|offered} {a daily check-in with the learning mentor|breakfast club|a place on the nurture group|a referral to the school nurse|support from the ELSA} for [child]{ and [mother] has agreed to this|}.',
  '{School|The school} {reported|said} that [child] {arrived late {twice|three times|on [day]} this week|has been coming in without a coat|has not had a packed lunch on two occasions|has been wearing clean uniform|has been collected on time every day}.',
  "[child]'s {annual review|parents' evening|EHCP review|SEN support plan meeting} {is on [nextDate]|took place on [date]|has been rearranged} and {[mother] plans to attend|[mother] attended|I have been invited}.",
  "[dsl] {raised|mentioned} that [child] {had said [he] was hungry on [day]|had fallen asleep in class|was upset at drop-off|had a small scratch on [his] arm, which [he] said happened at football} and this was {discussed with [mother], who explained it|followed up on the visit|recorded on the school's system}.",
];

/** Health. */
export const HEALTH = [
  '[hv] (health visitor) {said|reported} that [child] {is up to date with immunisations|was weighed on [date] and is following [his] centile|has had [his] two-year review|has missed one appointment, which has been rebooked}.',
  '[child] {has|had} {a dental appointment|an appointment with the GP|an appointment at the eye clinic|a hearing test|a review with the community paediatrician} {on [date]|on [nextDate]} and [mother] {has said she will take [him]|took [him]|has asked for a reminder}.',
  '{The school nurse|[hv]} {has offered|will offer} {a sleep clinic|advice about bedwetting|support with healthy eating|a growth check} {for [child]|to [mother]} and this {has been accepted|will be discussed at the next core group}.',
  '[Mother] {said|told me} [child] {has had a cold this week|has had an ear infection and is on antibiotics|has been seen at the walk-in centre for a sprained wrist|has asthma, which is managed with inhalers}{ and [he] seemed well in [himself] today|}.',
  '[Mother] is registered with [gp] and {said she has|has} {an appointment about her medication on [nextDate]|been referred to the talking therapies service|seen her GP about her back pain}.',
];

/** The wider family and support network. */
export const NETWORK = [
  'The maternal grandmother {takes the children to|meets the children at} <place> {on a [day]|after school|at weekends} and {has bought|is making} <thing> for [child].',
  "[Mother]'s {sister|neighbour|friend} {lent|gave} the family <thing> and <thing> <when>, and {helps with the school run|has offered to help with childcare|comes round most evenings}.",
  'The maternal grandmother {lives nearby|lives in [place]|visits most days|helps with the school run} and {is an important support to [mother]|has offered to look after the children in the holidays|attended the family network meeting}.',
  '{A family network meeting|A family group conference} {has been arranged for [nextDate]|took place on [date]} {to agree a safety plan|to look at who can support the family|to plan for the school holidays}.',
  "[Mother]'s {sister|brother|friend from the group} {has offered|is able} to {help with childcare|have the children one night a week|take [child] to football}, and {[mother] is pleased about this|this will be added to the safety plan|the details are on the family network plan}.",
  'The family support worker {has been working|continues to work} with [mother] {on routines|on budgeting|on boundaries|on the morning routine} {every [day]|weekly} and {reported good progress|said [mother] is trying hard|said the sessions will finish in [nextDate]}.',
];

export const CHILD_MORE = [
  '{We|[child] and I} {played a game of snap|did some colouring|looked at [his] photos from the summer|made a paper aeroplane|read a story together} and {[he] talked about [his] best friend|[he] laughed a lot|[he] was keen to carry on|[he] told me about [his] favourite food}.',
  '[child] {has started|is about to start|is enjoying} {Year 1|Year 3|Year 5|Year 7|nursery|a new class} and {is finding it {fine|a bit tiring|exciting}|has made new friends|talked about [his] new teacher}.',
  "[child] {had|has had} {a haircut|new school shoes|a birthday since the last visit|a sleepover at [his] cousin's|a trip to the seaside} and {was excited to tell me about it|showed me photos|said it was the best day}.",
  "[child]'s {bedroom|room} {has been decorated|has a new desk|now has blackout blinds|is shared with a sibling} and [he] {is pleased with it|said [he] sleeps better now|wanted me to see it}.",
];

/** Next steps. */
export const ACTIONS = [
  '{Next visit|Next home visit} {booked for|planned for|to take place on} [nextDate]{ at [time]|}.',
  'I will {update the core group|speak to the school|contact the health visitor|write to [father]|chase the housing referral|send [mother] a copy of the plan} {by [nextDate]|this week|before the review}.',
  'Actions: {[mother] to book the dental appointment|[mother] to attend the group on [day]|SW to complete the referral to the family support service|SW to update the chronology|school to share attendance figures weekly}.',
  '{The plan was reviewed with [mother]|We went through the plan together} and {no changes were needed|two actions were marked as completed|a new action was added about school attendance}.',
  'Information sharing was explained, including that information may be shared with other agencies without consent where there are concerns that a child is suffering, or is likely to suffer, significant harm.',
  '{I will discuss|To discuss} {the case|progress|the contact arrangements} with [manager] in supervision{ on [nextDate]|}.',
];

/** The first line of a telephone call record: who called whom, and why. */
export const CALL_OPEN = [
  '{Call from|Telephone call from|Call to|Telephone call to} [mother] {to rearrange the visit|about the school meeting|about contact|to ask about the review|about her housing|about the letter from school|to cancel the appointment on [day]}.',
  "{Call from|Call to} [dsl], Designated Safeguarding Lead at [school], {about [child]'s attendance|to share that [child] had a good week|about a comment [child] made in class|to arrange a meeting|to say [child] was collected late on [day]|about a note in [child]'s reading record}.",
  '{Call from|Call to} [hv] (health visitor), {who|to check whether she} {had seen [child] on [date]|had any updates|was able to attend the core group|had completed the developmental review}.',
  '{Call from|Call to} [father] {about contact|asking for an update|to say he cannot attend the meeting|to give his new address|about the child arrangements|about the next review}.',
  '{Left a voicemail|Left a message} {for [mother]|for [father]|with the school office|with the GP receptionist} {asking for a call back|to confirm the visit on [nextDate]|about the meeting on [nextDate]}.',
  '{Call from|Call to} the {school office at [school]|receptionist at [gp]|housing officer|family support worker|contact centre|nursery manager} {about [child]|to confirm the arrangements for [nextDate]|with an update}.',
  '{Duty call|Call received on the duty line} from [mother], {who wanted to speak to her social worker|asking for help with a food bank voucher|to report that the boiler has broken|to ask whether the visit is still going ahead}.',
];

/** The rest of a telephone call. */
export const CALL = [
  '[Mother] also mentioned <thing> {that has gone missing|that the school asked about|that [child] left at <place>}.',
  '[Mother] said [child] {was|had been} <act> <spot> <when> and {is fine|was <feeling>|wanted me to know}.',
  "[Mother] {said|confirmed|explained} that {she can do [nextDate] at [time]|[child] is unwell and off school today|she had missed the appointment because the bus did not come|she has received the letter|she has moved the appointment to the following week|the children are staying at their nan's tonight}.",
  'Advised {[mother]|the caller} {to contact the GP|to ring the housing office|to speak to the school|that I will visit on [nextDate]|that the plan will be reviewed at the next core group|to keep a note of the dates}.',
  '{Text message sent to|Emailed} {[mother]|[father]|the school} {confirming the visit on [nextDate]|with the date of the next meeting|with the details of the parenting support line|with the address of the family centre}.',
  '{The school said|School confirmed} that [child] {was in school today|had a good day|has been given a place at breakfast club|was picked up by the maternal grandmother}.',
  '{I agreed|We agreed} {to speak again on [nextDate]|that I would visit on [nextDate] at [time]|to move the meeting to [nextDate]|that the information would be shared with the core group}.',
  '{No further information was shared|There was nothing else to report|Nothing further was discussed} and {I thanked her for the call|the call ended|I said I would update the file}.',
  '{I|I have} {updated the plan|added the dates to the diary|let my manager know|asked the admin team to send out the invitations} {after the call|straight away|the same afternoon}.',
  '[Father] {said|explained} that {he is working until six every day this week|he has moved to a flat in [place]|he has not heard from the school|he would like the minutes of the last meeting}.',
  "[hv] {said|confirmed} that {the two-year review is booked for [nextDate]|[child]'s weight is stable|the family missed the clinic appointment on [date] and it has been rebooked|she will visit again in four weeks}.",
];

/** The first line of a supervision record. */
export const SUPERVISION_OPEN =
  '{Case discussed in supervision with [manager]{ on [date]|}.|Supervision with [manager].|Monthly supervision; this case was discussed with [manager].|Case review in supervision{ on [date]|}.}';

/** Actions agreed in supervision, as a numbered list. */
export const SUPERVISION_ACTIONS = [
  'SW to see [child] alone at the next visit{ and record [his] views|}.',
  "SW to update the assessment {by [nextDate]|before the review|with the school's information}.",
  'SW to request the school attendance figures{ for this term|}.',
  'SW to arrange a core group meeting {before [nextDate]|within four weeks|in the school holidays}.',
  'TM to review the case again in {four|six|eight} weeks.',
  'SW to {complete|update} the chronology{ by [nextDate]|}.',
  'SW to {contact|write to} [father] about {contact|his views on the plan|the next meeting}.',
  'SW to {make|chase} the referral to {the family hub|the young carers service|CAMHS|the school nurse}.',
  'SW to share the updated plan with [mother] and the core group.',
];

/** Supervision. */
export const SUPERVISION = [
  'The social worker described the last visit, when [child] was <act> <spot> and [mother] talked about <thing>.',
  '{The case was reviewed|We reviewed the case} {against the plan|against the outcomes of the last conference|with reference to the chronology}, and {progress was noted on school attendance|home conditions have been consistent|contact is now regular}.',
  "{Discussion about|We discussed} {the timescales for the assessment|whether the threshold for a child protection plan is still met|the child's lived experience|the voice of the child in recent recording|the involvement of [father]|the support available to [mother]}.",
  'The social worker {reflected|said} that {the family have made changes|it has been hard to see [child] alone|[mother] is more open now|[father] is keen to be involved|the professional network is working well together}.',
  "[manager] {asked|wanted to know} {what the evidence is for the progress reported|how [child]'s views are being gathered|whether a family group conference has been considered|what the contingency plan is|how we will know the plan is working}.",
  "{The worker's caseload and wellbeing were discussed|We discussed the worker's wellbeing} and {no concerns were raised|time was agreed for writing up the assessment|a joint visit was agreed}.",
];

/** Reflection and analysis, used in assessments, supervision and conference reports. */
export const ANALYSIS = [
  "The {strengths|protective factors} in this family {include|are} {[mother]'s love for the children|the support of the maternal grandmother|the children's good attendance at school|[mother]'s openness with professionals|the children's attachment to their parents}.",
  "The {main worry|main concern|concern} {is|remains} {the impact on the children of the arguments at home|the children's exposure to adult arguments|home conditions, which have been variable|school attendance|the children's emotional wellbeing|the unmet health needs}.",
  "{[child]'s lived experience|The lived experience of [child]} {is|has been} {of a loving home with some inconsistency in routines|of a mother who is trying hard and needs support|of frequent changes of school and address|of missing out on activities because of money worries}.",
  "{It is my assessment|My assessment is|The assessment has found} that {the children's needs are being met most of the time|the family would benefit from a period of support under a child in need plan|the children need a consistent routine|[mother] has made progress but needs continued support}.",
  '{Using|Applying} the {Signs of Safety framework|Graded Care Profile|Family Star} {with [mother]|with the family}, {she scored herself as a {five|six|seven} out of ten|we identified the areas of most worry|the scores had improved since [date2]}.',
  '{The professional network|The professionals involved|Partner agencies} {agree|are in agreement|have said} that {progress has been made|the plan is working|more time is needed to see whether the changes are lasting|the children are safe but their needs are not always met}.',
  '{There is a risk|The risk is} that {without support the situation could deteriorate|the children will continue to miss school|the progress made will not be sustained} and {this will be kept under review|the plan includes actions to address it|the contingency plan sets out what will happen}.',
  "{The children's wishes and feelings|What the children have said} {have been gathered through direct work|are recorded in the direct work section|have been considered}, and {[child] wants to stay at home|[child] would like to see [father] more|the children want things to stay as they are}.",
];

/** Strategy discussions. */
export const STRATEGY = [
  '{Strategy discussion|Strategy meeting|Section 47 strategy discussion} {held|convened} {by Teams|by telephone|in person at the police station|at the MASH|at [school]}{ on [date]| at [time]| following the referral from {[school]|the police|the health visitor}}. {Present|Attendees|In attendance}: {[manager] (TM, chair), [worker] (SW), [officer] (Public Protection Unit)|[officer] (police), [manager] (chair), [worker] (allocated SW)|[manager] (TM, chair), [officer] (police), [worker] (SW)}{, [hv] (Health)|, [hv] (health visitor)|, the school nurse|}{, [dsl] (DSL, [school])|, [teacher] ([school])|}.',
  'Information shared: {police have attended the address {once|twice} this year after a neighbour called about shouting|there is no police information held about the household|the family are known to the police from a call in [date2]} and {no offences were disclosed|no arrests were made|the household was given advice}.',
  '{Health|The health visitor} {reported|shared} that [child] {is up to date with immunisations|has attended all health appointments|was last seen on [date] with no concerns noted about [his] care}.',
  "{School|Education} {shared|reported} that [child]'s attendance is {above|below} 90% and {there have been no previous safeguarding concerns|this is the first referral school have made|[he] is a happy child in class}.",
  "Outcome: threshold met for a {single-agency|joint} Section 47 enquiry{ led by children's social care|}, and [child] {is to be seen and spoken to alone|will be seen within 24 hours|is to have a child protection medical if the mark is still visible}.",
  'The local authority has a duty under section 47 of the Children Act 1989 to make enquiries where there is reasonable cause to suspect that a child is suffering, or is likely to suffer, significant harm.',
  'It was agreed that {the police would speak to [father]|health would share the full records|school would monitor and update daily|the social worker would visit with the police}{ and that parents would be informed of the enquiry|}.',
];

/** Child protection conference reports. */
export const CONFERENCE = [
  'This report has been prepared for the {initial|review} child protection conference on [nextDate] and was shared with [mother]{ and [father]|} on [date].',
  '[child] has been {subject to|on} a child protection plan under the category of {neglect|emotional abuse|physical abuse} since [date2].',
  'Since the last conference, {core group meetings have taken place every six weeks|the social worker has visited every ten working days|the children have been seen alone on each visit|the family have engaged with the family support service}.',
  'The core group {met on [date]|has met regularly} and {all actions have been completed|most actions are on track|the school attendance action remains outstanding}.',
  'The recommendation of the social worker is that [child] {remains on a child protection plan for a further three months|steps down to a child in need plan|continues to be supported under the current plan}, and the reasons for this are set out in the analysis section.',
  "{The views of [mother]|[Mother]'s views} {were gathered on [date]|are set out below}: she {said she feels the plan has helped|would like the plan to end|feels that the school are supportive|wants more help with the children's behaviour}.",
];

/** Court statements: formal, first person. */
export const COURT = [
  'I am a qualified social worker registered with Social Work England, employed by the local authority in the {Court and Proceedings Team|Family Safeguarding Team|Child Protection Team}, and I am the allocated social worker for [child].',
  "I make this statement in support of the local authority's application{ for a care order| for a supervision order| under Part IV of the Children Act 1989|}.",
  'I have been the allocated social worker for [child] since [date2] and have visited the family {regularly|every two weeks|at least every ten working days} since then.',
  "The local authority's involvement with the family began {following a referral from [school]|after a call from the health visitor|when the police shared a notification} on [date2].",
  'I have read the {chronology|previous assessments|health records provided by [gp]|school records provided by [school]} and I have set out the relevant matters below.',
  'The local authority {accepts|recognises} that [mother] {loves the children|has engaged with the family support service|has made some changes} and that {the children are attached to her|she has attended most meetings|the home conditions have improved}.',
  "The local authority's care plan is for [child] to {remain in the care of [mother] under a supervision order|remain at home with a package of support|be placed with the maternal grandmother under a special guardianship order}.",
  "I confirm that the facts in this statement are within my own knowledge or are taken from the local authority's records, and that the opinions I have expressed are my own professional opinions.",
  'I believe that the facts stated in this witness statement are true, and I understand that proceedings for contempt of court may be brought against anyone who makes a false statement in a document verified by a statement of truth without an honest belief in its truth.',
];

/** Management decisions and oversight, always with the reasons. */
export const MANAGEMENT = [
  'Management oversight. I have read the {assessment|recent recording|visit notes|core group minutes} and {discussed the case with the social worker|reviewed the chronology}.',
  "Decision: {step down to a child in need plan|continue under the child in need plan|proceed to an initial child protection conference|convene a strategy discussion|close to children's social care with a step down to early help}, because {the risks identified in the assessment have reduced and the family are working with the plan|the concerns about home conditions remain and have not improved over the last three months|[child]'s attendance has been above 95% for two terms and [mother] has sustained the changes|there is reasonable cause to suspect significant harm and a multi-agency discussion is needed}.",
  "Rationale: {the professional network agree that progress has been sustained|the children's needs can be met through early help|the threshold for statutory involvement is no longer met|the children remain at risk of harm and a plan is needed}, and {[mother] agrees with the plan|[mother]'s views have been considered|the children's views have been considered}.",
  "I have considered the {child's views|views of the family|views of the school and health visitor} and {the decision is proportionate|the decision is in [child]'s best interests} {given that progress has been sustained for six months|in view of the evidence in the assessment|on the basis of the information shared at the core group}.",
  '{The next review is due on|To be reviewed on} [nextDate]{, or sooner if circumstances change|}.',
];

/** Headings for long documents. */
export const HEADINGS = {
  assessment: [
    'Reason for assessment',
    'Background',
    "The child's lived experience",
    'Parenting capacity',
    'Family and environmental factors',
    'Views of the child',
    'Views of the parents',
    'Information from other agencies',
    'Analysis',
    'Recommendation',
  ],
  conference: [
    'Purpose of the report',
    'Summary of progress',
    "The child's views",
    "Parents' views",
    'Information from agencies',
    'Analysis of risk',
    'Recommendation',
  ],
  court: [
    'Introduction',
    'Background',
    "The local authority's involvement",
    "The child's needs",
    'Parenting capacity',
    "The parents' position",
    'Analysis',
    'Care plan',
    'Statement of truth',
  ],
  supervision: ['Case discussion', 'Reflection', 'Actions'],
  strategy: ['Present', 'Information shared', 'Outcome'],
} as const;
