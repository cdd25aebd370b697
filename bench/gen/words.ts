/**
 * Word lists for the particular details that make one family's notes unlike another's: the
 * objects in a room, what a child was doing, what was for tea. Real case notes share stock
 * phrases ("was seen alone in her bedroom") but are mostly made of such particulars, so the
 * generator mixes phrases built from these lists into its templates; without them every
 * 4-word run of its prose would recur in hundreds of cases, which no real export does (and which
 * would make every passage look like boilerplate to a copy detector). All lower case: the
 * capitalised words of a note are names.
 */
import type { Rng } from './prng.ts';

const list = (s: string): readonly string[] =>
  Object.freeze(
    s
      .trim()
      .split(/\s*,\s*|\s*\n\s*/)
      .filter(Boolean),
  );

export const NOUNS = list(`
scooter, bike, skateboard, trampoline, football, rugby ball, tennis racket, cricket bat, frisbee, kite,
paddling pool, swing, slide, sandpit, climbing frame, doll, doll's house, teddy bear, rabbit, guinea pig,
hamster, goldfish, budgie, tortoise, puppy, kitten, Lego set, jigsaw, board game, pack of cards,
colouring book, sticker book, sketch pad, paint set, felt tips, crayons, play dough, slime kit,
train set, racing track, remote control car, dinosaur, action figure, superhero cape, princess dress,
fairy wings, wand, magic set, science kit, microscope, telescope, globe, atlas, encyclopaedia,
comic, magazine, library book, reading book, spelling list, homework folder, pencil case, school bag,
lunch box, water bottle, PE kit, swimming bag, goggles, armbands, wetsuit, wellies, raincoat, anorak,
hoodie, tracksuit, onesie, dressing gown, slippers, trainers, school shoes, sandals, football boots,
shin pads, gum shield, hair bobble, headband, bracelet, necklace, watch, phone case, headphones,
games console, controller, tablet, laptop, television, DVD player, radio, speaker, karaoke machine,
keyboard, guitar, recorder, violin, drum kit, tambourine, xylophone, microphone, camera, photo album,
scrapbook, diary, calendar, wall chart, reward chart, star chart, whiteboard, noticeboard, fridge magnet,
birthday card, certificate, medal, trophy, rosette, badge, sash, ribbon, balloon, banner, bunting,
fairy lights, lava lamp, night light, torch, lantern, candle, mirror, picture frame, clock, cushion,
beanbag, rug, blanket, duvet, pillow, sleeping bag, bunk bed, cot, high chair, pushchair, car seat,
bouncer, play mat, baby gym, changing mat, nappy bin, steriliser, bottle warmer, baby monitor, stair gate,
fireguard, safety catch, smoke alarm, washing machine, tumble dryer, dishwasher, fridge freezer, microwave,
kettle, toaster, slow cooker, air fryer, frying pan, saucepan, baking tray, mixing bowl, rolling pin,
chopping board, fruit bowl, bread bin, biscuit tin, cereal box, tea towel, ironing board, clothes horse,
hoover, mop, bucket, laundry basket, wheelie bin, recycling box, compost bin, shed, greenhouse, washing line,
garden bench, barbecue, lawnmower, plant pot, hanging basket, bird feeder, sunflower, tomato plant,
strawberry patch, vegetable patch, pond, fence panel, gate, doorbell, letterbox, door mat, coat hook,
shoe rack, bookcase, wardrobe, chest of drawers, bedside table, desk, gaming chair, sofa, armchair,
footstool, coffee table, dining table, kitchen chair, curtain, blind, radiator, boiler, thermostat,
electric meter, gas meter, fuse box, loft hatch, skirting board, carpet, laminate floor, wallpaper,
window sill, conservatory door, back door, front step, porch, driveway, car, van, taxi, minibus,
bus pass, train ticket, suitcase, rucksack, tent, caravan, beach towel, bucket and spade, sandcastle,
ice lolly, picnic blanket, cool box, flask, umbrella, sledge, snowman, conker, pine cone, shell collection,
pebble, fossil, feather, leaf collection, bug hotel, wormery, ant farm, fish tank, hutch, cage, lead,
dog bed, cat flap, scratching post, litter tray, bird cage, parcel, letter, leaflet, appointment card,
prescription, inhaler, spacer, plaster, bandage, thermometer, hot water bottle, ice pack, glasses case,
hearing aid, toothbrush, toothpaste, hairbrush, shampoo, bubble bath, rubber duck, bath toy, potty,
step stool, toilet seat, nappy, wipes, bib, dummy, comforter, muslin, sling, blanket box, toy box,
train set box, costume box, craft box, button tin, sewing box, knitting bag, wool, jigsaw box, puzzle mat,
chalkboard, easel, paintbrush, glitter pot, glue stick, scissors, ruler, protractor, calculator
`);

export const ADJECTIVES = list(`
new, old, second-hand, broken, repaired, wobbly, shiny, battered, faded, muddy, sparkly, stripy, spotty,
fluffy, soft, enormous, tiny, little, huge, folding, inflatable, wooden, plastic, metal, cardboard,
handmade, homemade, hand-me-down, matching, spare, favourite, lucky, special, red, blue, green, yellow,
orange, purple, pink, black, white, grey, brown, turquoise, silver, gold, navy, lilac, bright red,
dark blue, pale pink, rainbow, neon, camouflage, dinosaur, unicorn, football, space, jungle, chipped,
scratched, cracked, dented, torn, patched, freshly painted, newly fitted, half-built, half-finished,
tidy, well-used, brand new, refurbished, donated, charity-shop, birthday, Christmas, school, holiday
`);

/** Where in or around the home something was (with its preposition). */
export const SPOTS = list(`
at the kitchen table, in the back garden, in the front room, in the hallway, on the landing, in the box room,
in the conservatory, on the bathroom floor, at the bottom of the stairs, on the kitchen worktop,
on the window sill, on the top shelf, on the bedroom floor, on the bottom bunk, on the top bunk, on the sofa,
by the armchair, at the dining table, on the coffee table, on the fridge door, by the back door,
on the front step, in the garden shed, on the patio, on the driveway, by the radiator, under the stairs,
behind the sofa, next to the television, in the corner of the living room, by the front window,
on the landing windowsill, in the utility room, by the washing machine, on the kitchen floor
`);

/** Places outside the home the family go. */
export const OUTINGS = list(`
the corner shop, the chip shop, the library, the leisure centre, the swimming baths, the park, the play area,
the skate park, the football pitch, the recreation ground, the canal towpath, the woods, the allotment,
the community centre, the church hall, the mosque, the gurdwara, the youth club, the soft play, the cinema,
the bowling alley, the shopping centre, the market, the supermarket, the charity shop, the post office,
the family hub, the children's centre, the caravan park, the seaside, the beach, the pier, the farm park,
the zoo, the aquarium, the museum, the garden centre, the petting farm, the reservoir, the lake,
the riverbank, the bandstand, the paddling pool in the park, nan's house, their cousins' house,
the holiday club, the after-school club, the breakfast club, the dentist, the walk-in centre
`);

/** Things a child might be doing when the worker arrives (whole phrases: verbs and objects chosen together). */
export const ACTIVITIES = list(`
building a den out of cushions, baking fairy cakes, icing biscuits, making a card for nan, doing a jigsaw,
painting a birdhouse, colouring in a dinosaur book, playing snakes and ladders, playing Uno, playing Connect 4,
practising spellings, practising times tables, reading a library book, writing a shopping list,
drawing a picture of the family, making a Lego spaceship, building a marble run, racing toy cars,
feeding the guinea pig, walking the dog round the block, brushing the dog, cleaning out the hamster cage,
watering the tomato plants, planting sunflower seeds, digging in the vegetable patch, helping to hang washing,
helping to fold clothes, tidying the toy box, sorting out old clothes, making slime, making a volcano for science,
doing a science project, learning a dance routine, practising the recorder, practising keyboard,
singing along to the radio, watching a cooking programme, watching football, playing FIFA, playing Minecraft,
playing Roblox, playing with the baby, pushing the baby in the pram, bathing a doll, dressing up as a superhero,
playing schools with teddies, playing shop, playing hide and seek, playing catch in the garden,
bouncing on the trampoline, riding a scooter up and down the path, riding a bike in the back lane,
kicking a ball against the fence, skipping in the yard, drawing with chalk on the patio, blowing bubbles,
making a paper chain, decorating the Christmas tree, carving a pumpkin, making an Easter bonnet,
wrapping a present for a friend, writing a letter to dad, making a scrapbook of holiday photos,
stacking blocks with the baby, threading beads, doing a dot-to-dot, making a mask for world book day,
looking after a friend's rabbit, helping to make the tea, setting the table, washing up, drying the pots,
making a sandwich, peeling potatoes, doing homework at the table, revising for a spelling test,
learning lines for the school play, making a model of the solar system, knitting a scarf with nan,
sewing a badge onto a Brownies sash, polishing football boots, pumping up a bike tyre, fixing a puncture,
playing with a remote control car, flying a kite on the field, feeding the ducks, collecting conkers,
building a snowman, making a bug hotel, painting stones, making friendship bracelets
`);

export const FOODS = list(`
fish fingers and beans, spaghetti bolognese, chicken nuggets and chips, cheese on toast, beans on toast,
shepherd's pie, cottage pie, sausage and mash, jacket potatoes, pasta bake, macaroni cheese, chicken curry,
rice and peas, jollof rice, dhal and rice, chapatis, stew and dumplings, a roast dinner, toad in the hole,
fish and chips from the chippy, pizza, a chicken wrap, soup and bread, cereal, porridge, toast and jam,
pancakes, waffles, a boiled egg and soldiers, scrambled eggs, noodles, stir fry, lasagne, meatballs,
corned beef hash, pie and peas, hotpot, a jacket potato with tuna, tuna pasta, ham sandwiches,
cheese sandwiches, crumpets, fruit and yoghurt, a banana, apples, grapes, strawberries, carrot sticks,
cucumber and hummus, a fruit smoothie, jelly and ice cream, rice pudding, crumble and custard, cupcakes,
flapjacks, biscuits, crisps, a cheese toastie, a burger, a kebab, samosas, pakoras, falafel, a wrap
`);

export const WHEN = list(`
last night, this morning, yesterday afternoon, at the weekend, on Saturday morning, on Sunday evening,
after school on Monday, before school, at teatime, at bedtime, during half term, over the summer holidays,
at Christmas, on bonfire night, on the way home from school, on the bus, before tea, after tea,
at breakfast, at lunchtime, in the middle of the night, early this morning, late last night,
the week before last, a few days ago, over Easter, on the last day of term, on sports day,
at the school fair, at the birthday party, at nan's house, at the park on Sunday
`);

export const FEELINGS = list(`
happy, excited, proud, pleased, relaxed, calm, settled, chatty, giggly, cheerful, content, confident,
shy, quiet, tired, sleepy, grumpy, fed up, bored, a bit nervous, a bit worried, unsure, tearful, upset,
cross, frustrated, embarrassed, sad, lonely, homesick, fidgety, restless, distracted, thoughtful, curious
`);

/** Phrase generators used as <name> in templates; each call makes a fresh phrase. */
export const PHRASES: Record<string, (r: Rng) => string> = {
  thing: (r) => article(r, `${r.chance(0.65) ? `${r.pick(ADJECTIVES)} ` : ''}${r.pick(NOUNS)}`),
  things: (r) => `${article(r, `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`)} and ${article(r, r.pick(NOUNS))}`,
  spot: (r) => r.pick(SPOTS),
  place: (r) => r.pick(OUTINGS),
  act: (r) =>
    `${r.pick(ACTIVITIES)}${r.chance(0.3) ? ` ${r.pick(['with a cousin', 'with a friend from school', "with the next-door neighbour's children", 'with nan', 'on their own', 'with a sibling'])}` : ''}`,
  food: (r) => r.pick(FOODS),
  when: (r) => r.pick(WHEN),
  feeling: (r) => r.pick(FEELINGS),
};

function article(r: Rng, phrase: string): string {
  const x = r.next();
  if (x < 0.45) return `the ${phrase}`;
  if (x < 0.55) return `their ${phrase}`;
  return /^[aeiou]/.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}
