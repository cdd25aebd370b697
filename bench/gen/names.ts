/**
 * Fictional people and places for the generator. First names and surnames are common in
 * England and Wales (a mix of the names seen in any children's services caseload); every
 * combination the generator makes is made up. Places are invented or generic.
 */
const list = (s: string): readonly string[] =>
  Object.freeze(
    s
      .trim()
      .split(/\s*,\s*|\s*\n\s*/)
      .filter(Boolean),
  );

export const FEMALE_FIRST = list(`
Olivia, Amelia, Isla, Ava, Mia, Ivy, Lily, Isabella, Rosie, Sophia, Grace, Willow, Freya, Florence,
Emily, Ella, Poppy, Evie, Elsie, Charlotte, Evelyn, Sienna, Sofia, Daisy, Phoebe, Sophie, Alice,
Harper, Matilda, Ruby, Emilia, Maya, Millie, Isabelle, Eliza, Arabella, Esme, Imogen, Chloe, Layla,
Jessica, Erin, Holly, Scarlett, Hallie, Ellie, Lottie, Maisie, Thea, Luna, Aria, Zara, Hannah,
Amber, Bella, Darcie, Edith, Lyla, Nancy, Penelope, Robyn, Summer, Tilly, Violet, Harriet, Eva,
Gracie, Amelie, Bonnie, Mabel, Beatrice, Lacey, Skye, Megan, Leah, Kayla, Courtney, Jade, Chantelle,
Shannon, Danielle, Kirsty, Stacey, Gemma, Kelly, Leanne, Natalie, Nicola, Rebecca, Samantha, Sarah,
Laura, Lauren, Kerry, Donna, Tracey, Michelle, Joanne, Claire, Lisa, Karen, Amy, Katie, Kimberley,
Toni, Abbie, Aaliyah, Amira, Ayesha, Fatima, Hafsa, Inaya, Khadija, Maryam, Noor, Safa, Zainab,
Aisha, Alisha, Anaya, Priya, Simran, Jasmine, Nia, Precious, Blessing, Favour, Chidinma, Adaeze,
Abena, Esi, Ama, Zofia, Zuzanna, Julia, Oliwia, Natalia, Wiktoria, Alicja, Maja, Lena, Gabriela,
Ioana, Andreea, Bianca, Roxana, Elena, Daria, Sara, Leila, Yasmin, Rania, Hana, Asha, Ifrah, Hodan,
Kiera, Keira, Paige, Demi, Brooke, Shelby, Tia, Mollie, Carys, Seren, Ffion, Cerys, Niamh, Aoife,
Siobhan, Ciara, Orla, Eilidh, Kirsten, Morven, Heather, Fiona, Bethany, Jodie, Charlie, Frankie,
Ellie-Mae, Lilly-Rose, Amelia-Rose, Tegan, Kacey, Kayleigh, Sheree, Marie, Julie, Wendy, Dawn
`);

export const MALE_FIRST = list(`
Oliver, George, Arthur, Noah, Muhammad, Leo, Oscar, Harry, Archie, Jack, Henry, Charlie, Freddie,
Theodore, Thomas, Finley, Theo, Alfie, Jacob, William, Isaac, Tommy, Lucas, Edward, Joshua, James,
Alexander, Max, Hunter, Arlo, Reggie, Roman, Teddy, Ronnie, Rory, Albie, Louie, Mason, Jaxon, Jude,
Ezra, Sonny, Logan, Elijah, Harrison, Luca, Dylan, Ethan, Joseph, Samuel, Daniel, Riley, Tyler,
Kai, Harvey, Bobby, Frankie, Jenson, Hugo, Caleb, Reuben, Stanley, Zachary, Toby, Rowan, Jayden,
Kayden, Brandon, Connor, Kieran, Liam, Callum, Jordan, Ryan, Shane, Dean, Darren, Lee, Wayne, Craig,
Jason, Gary, Mark, Paul, Stephen, Andrew, Christopher, Michael, Anthony, Scott, Jamie, Aaron, Adam,
Ben, Carl, Dale, Gavin, Kevin, Martin, Neil, Richard, Robert, Stuart, Ashley, Kane, Reece, Jake,
Bradley, Luke, Nathan, Kyle, Corey, Ibrahim, Yusuf, Ayaan, Zayn, Hamza, Omar, Ali, Bilal, Imran,
Aarav, Arjun, Rohan, Kabir, Dev, Kwame, Kofi, Kwabena, Chidi, Emeka, Tobi, Femi, Tunde, David,
Samuel, Elliot, Jakub, Kacper, Szymon, Filip, Mateusz, Antoni, Piotr, Tomasz, Andrei, Mihai, Ionut,
Stefan, Luka, Marko, Ahmed, Mustafa, Abdi, Abdullahi, Mohamed, Said, Yonas, Dawit, Tariq, Rayan,
Rhys, Dafydd, Owain, Gethin, Cian, Oisin, Seamus, Declan, Ciaran, Fraser, Euan, Angus, Hamish,
Lewis, Cameron, Alfie-Lee, Tommy-Lee, Billy, Jimmy, Danny, Lenny, Alan, Barry, Clive, Colin,
Derek, Graham, Ian, Keith, Malcolm, Nigel, Trevor, Vincent, Warren
`);

export const SURNAMES = list(`
Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Robinson,
Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, Harris, Clarke, Patel, Jackson,
Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker, Harrison, Morgan,
Allen, James, Scott, Phillips, Watson, Davis, Parker, Price, Bennett, Young, Griffiths, Mitchell,
Kelly, Cook, Carter, Richardson, Bailey, Collins, Bell, Shaw, Murphy, Miller, Cox, Richards, Khan,
Marshall, Anderson, Simpson, Ellis, Adams, Singh, Begum, Wilkinson, Foster, Chapman, Powell, Webb,
Rogers, Gray, Mason, Ali, Hunt, Hussain, Campbell, Matthews, Owen, Palmer, Holmes, Mills, Barnes,
Knight, Lloyd, Butler, Russell, Barker, Fisher, Stevens, Jenkins, Murray, Dixon, Harvey, Graham,
Pearson, Ahmed, Fletcher, Walsh, Kaur, Gibson, Howard, Andrews, Stewart, Elliott, Reynolds, Saunders,
Payne, Fox, Ford, Pearce, Day, Brooks, West, Lawrence, Cole, Atkinson, Bradley, Spencer, Gill,
Dawson, Ball, Burton, O'Brien, Watts, Rose, Booth, Perry, Ryan, Grant, Wells, Armstrong, Francis,
Rees, Hayes, Hart, Hudson, Newman, Barrett, Webster, Hunter, Gregory, Carr, Lowe, Page, Marsh,
Riley, Dunn, Woods, Parsons, Berry, Stone, Reid, Holland, Hawkins, Harding, Porter, Robertson,
Newton, Oliver, Reed, Kennedy, Williamson, Bird, Gardner, Shah, Dean, Lane, Cooke, Bates, Henderson,
Parry, Burgess, Bishop, Walton, Burns, Nicholson, Shepherd, Ross, Cross, Long, Freeman, Warren,
Nicholls, Hamilton, Byrne, Sutton, McDonald, Yates, Hodgson, Robson, Curtis, Hopkins, O'Connor,
Harper, Coleman, Watkins, Moss, McCarthy, Chambers, O'Neill, Griffin, Sharp, Hardy, Wheeler, Potter,
Osborne, Johnston, Gordon, Doyle, Wallace, George, Jordan, Hutchinson, Rahman, Akhtar, Iqbal, Malik,
Mahmood, Nawaz, Sharma, Mistry, Chauhan, Okafor, Adeyemi, Mensah, Owusu, Boateng, Asante, Okoro,
Nwosu, Eze, Mohamed, Abdi, Warsame, Yilmaz, Demir, Kowalski, Nowak, Wisniewski, Wojcik, Kaminski,
Popescu, Ionescu, Stan, Petrov, Horvat, Kovac, Da Silva, Ferreira, Santos, Costa, Nguyen, Tran,
Chen, Wong, Li, Zhang, Fairbairn, Quigley, Gallagher, Dunmore, Whitlock, Bellamy, Armitage,
Whitfield, Beckett, Cartwright, Greenwood, Haworth, Kershaw, Ormerod, Pickles, Sutcliffe, Thornton,
Ackroyd, Broadbent, Crowther, Holroyd, Lumb, Mellor, Priestley, Rushworth, Stansfield, Tattersall
`);

/** Places for schools, surgeries, streets and teams: invented or generic English names. */
export const PLACES = list(`
Oakfield, Bramley, Ashworth, Beechwood, Birchfield, Brookside, Castleton, Cherry Tree, Clayfield,
Coppice, Eastfield, Elmhurst, Fairview, Fernhill, Glebe, Greenacres, Hawthorn, Hazelwood, Highfield,
Hollybank, Kingsway, Lakeside, Larkhill, Lindley, Longmoor, Meadowbank, Millbrook, Moorside,
Northgate, Oakwood, Orchard, Parkside, Priory, Queensbury, Redbrook, Riverside, Rosehill, St Anne's,
St Mark's, St Peter's, Sandfield, Southmead, Springfield, Stonebridge, Thornhill, Westfield,
Whitegate, Willowbrook, Woodlands, Wyke
`);

export const STREET_KINDS = list(`Road, Street, Avenue, Close, Drive, Lane, Way, Crescent, Grove, Terrace`);

export const TEAMS = list(`
Assessment and Intervention Team 1, Assessment and Intervention Team 2, Assessment and Intervention Team 3,
Child Protection Team East, Child Protection Team West, Children in Need Team (North),
Children in Need Team (South), Children with Disabilities Team, Court and Proceedings Team,
Family Safeguarding Team A, Family Safeguarding Team B, Edge of Care Team, Duty and Assessment Team
`);
