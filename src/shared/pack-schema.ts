/**
 * The content pack: everything the app shows, curated by hand from one source article.
 * Validated at runtime with valibot, so a broken pack gives a clear error instead of a broken view.
 */
import * as v from 'valibot'

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case kebab-case'))
const Text = v.pipe(v.string(), v.minLength(1))
const Year = v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(2100))
const Citation = v.pipe(v.number(), v.integer(), v.minValue(1))
/** A link the app may hand to the system browser: https only (`v.url()` alone lets `javascript:` through). */
const HttpsUrl = v.pipe(v.string(), v.url(), v.startsWith('https://', 'links must be https URLs'))

export const THEMES = [
  'diplomacy',
  'conflict',
  'people-culture',
  'space',
  'trade-economy',
  'tourism',
  'military'
] as const
export const Theme = v.picklist(THEMES)

/** A date as precise as the source is: a day, a month, a year, or a span of years. */
export const EventDate = v.variant('precision', [
  v.object({
    precision: v.literal('day'),
    year: Year,
    month: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
    day: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31))
  }),
  v.object({
    precision: v.literal('month'),
    year: Year,
    month: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))
  }),
  v.object({ precision: v.literal('year'), year: Year }),
  v.object({ precision: v.literal('range'), year: Year, endYear: Year })
])

export const Era = v.object({
  id: Id,
  label: Text,
  /** First year of the band, inclusive. */
  start: Year,
  /** Last year of the band, inclusive; absent for an era that runs to today. */
  end: v.optional(Year),
  description: v.optional(Text)
})

/** A paragraph keeps the source text verbatim, with its "[n]" and "[citation needed]" markers. */
export const Paragraph = v.object({
  kind: v.literal('paragraph'),
  id: Id,
  text: Text,
  citations: v.array(Citation),
  citationNeeded: v.boolean()
})

/** A figure caption; the image itself is not part of the source text and is never fetched. */
export const Figure = v.object({
  kind: v.literal('figure'),
  id: Id,
  caption: Text,
  /** The file name the source names, shown as information only. */
  file: Text
})

/** A heading or list in the source that has no body in the text (the empty tables, for example). */
export const EmptyBlock = v.object({
  kind: v.literal('empty'),
  id: Id,
  /** The source's own words for what stood here, e.g. a table caption. */
  text: Text,
  citations: v.array(Citation)
})

export const Block = v.variant('kind', [Paragraph, Figure, EmptyBlock])

export const Section = v.object({
  id: Id,
  title: Text,
  blocks: v.array(Block)
})

export const EntityKind = v.picklist(['person', 'place', 'organisation', 'company'])
export const Country = v.picklist(['MX', 'RU', 'other'])

export const Entity = v.object({
  id: Id,
  name: Text,
  kind: EntityKind,
  /** The role as the article states it. */
  role: Text,
  /** Other spellings the article or a student may use ("Lazaro Cardenas"). */
  aliases: v.optional(v.array(Text)),
  /** For companies: the home country. */
  country: v.optional(Country),
  paragraphIds: v.pipe(v.array(Id), v.minLength(1)),
  /**
   * What the entity's own card asks by, where the role alone fits more than one thing or leans on
   * something the article does not say ("Russian President photographed with Vicente Fox").
   */
  cue: v.optional(Text),
  /** False when the entity gets no card of its own: the article tells it apart from no other. */
  card: v.optional(v.boolean())
})

/** A key term of an answer: its spellings, any one of which names it ("killed", "assassinated"). */
const KeyTerm = v.pipe(v.array(Text), v.minLength(1))

/**
 * Entities the article names together and asks about as one list card ("the home of painters
 * Diego Rivera and Frida Kahlo"): the question, and whether the article names them as examples
 * ("include") so that each one named counts, or as the whole list.
 */
export const EntityGroup = v.object({
  question: Text,
  entityIds: v.pipe(v.array(Id), v.minLength(2)),
  paragraphId: Id,
  include: v.optional(v.boolean())
})

export const Event = v.object({
  id: Id,
  title: Text,
  /** One or two sentences in the app's own words. */
  summary: Text,
  date: EventDate,
  /** The date as the source words it ("1 December 1890", "1910-1920"). */
  dateText: Text,
  era: Id,
  themes: v.pipe(v.array(Theme), v.minLength(1)),
  entityIds: v.array(Id),
  paragraphId: Id,
  citations: v.array(Citation),
  /** Tells the event apart in "What happened — 1806 (…)?" where another event fits the date. */
  cue: v.optional(Text),
  /** The terms that recall the event: a typed answer naming each one counts as right. */
  keyTerms: v.optional(v.array(KeyTerm)),
  /** Other wordings accepted for the event's title. */
  accept: v.optional(v.array(Text))
})

/** A note by the editors wherever the source is wrong, garbled or incomplete. */
export const EditorialNote = v.object({
  id: Id,
  /** Ids of the paragraphs, events, entities, figures or blocks the note concerns. */
  attachedTo: v.pipe(v.array(Id), v.minLength(1)),
  /** What the source says, quoted, where the note corrects it. */
  sourceSays: v.optional(Text),
  text: Text
})

/** One figure with its year, unit and the sentence it comes from. */
export const TradeFigure = v.object({
  id: Id,
  label: Text,
  value: v.number(),
  /** e.g. "US$", "rank", "visitors". */
  unit: Text,
  /** The value as the app shows it ("US$1.784 billion", "3rd"). */
  display: Text,
  year: v.optional(Year),
  /** The sentence of the source the figure comes from, verbatim. */
  quote: Text,
  paragraphId: Id,
  citations: v.array(Citation),
  /** The question asked, where the label alone would leave the right reading unknowable. */
  question: v.optional(Text)
})

export const TradeFlow = v.object({
  from: Country,
  to: Country,
  products: v.pipe(v.array(Text), v.minLength(1)),
  /** Other names a student may give a product ("cars" for "automobiles"), keyed by product. */
  aliases: v.optional(v.record(v.string(), v.array(Text))),
  quote: Text,
  paragraphId: Id,
  citations: v.array(Citation)
})

export const Company = v.object({
  entityId: Id,
  name: Text,
  home: Country,
  operatesIn: Country,
  paragraphId: Id,
  citations: v.array(Citation)
})

export const Equipment = v.object({
  id: Id,
  name: Text,
  description: Text,
  receivedBy: Text,
  status: Text,
  citationNeeded: v.boolean(),
  paragraphId: Id
})

export const Flight = v.object({ from: Text, to: Text })

/** A yearly series, from Mexico's side. The article gives none; packs that have one are drawn. */
export const TradeYear = v.object({ year: Year, exports: v.number(), imports: v.number() })

export const Trade = v.object({
  figures: v.array(TradeFigure),
  flows: v.array(TradeFlow),
  companies: v.array(Company),
  equipment: v.array(Equipment),
  flights: v.object({
    routes: v.array(Flight),
    quote: Text,
    paragraphId: Id,
    citations: v.array(Citation)
  }),
  series: v.optional(
    v.object({
      currency: Text,
      unit: Text,
      source: Text,
      years: v.pipe(v.array(TradeYear), v.minLength(2))
    })
  )
})

/** What a hand-written card's answer is, so multiple choice offers options of the same kind. */
export const HAND_ANSWER_KINDS = [
  'person',
  'place',
  'country',
  'organisation',
  'reason',
  'description'
] as const

/** A hand-written flashcard, for facts generated cards would phrase badly. */
export const HandCard = v.object({
  id: Id,
  question: Text,
  answer: Text,
  /** Other accepted answers for typed quizzes. */
  accept: v.optional(v.array(Text)),
  /** Required of a bundled pack (the integrity check says so); optional for older packs. */
  answerKind: v.optional(v.picklist(HAND_ANSWER_KINDS)),
  /** Wrong options for multiple choice, of the answer's kind and form; none right by the article. */
  wrong: v.optional(v.pipe(v.array(Text), v.minLength(3))),
  /** The terms a typed answer must name to count as right (for answers said in many ways). */
  keyTerms: v.optional(v.array(KeyTerm)),
  paragraphId: Id,
  eventId: v.optional(Id),
  themes: v.pipe(v.array(Theme), v.minLength(1)),
  era: Id
})

export const Source = v.object({
  title: Text,
  publisher: Text,
  url: HttpsUrl,
  licence: v.object({ name: Text, url: HttpsUrl }),
  /** The original text, verbatim. */
  text: Text
})

export const PACK_FORMAT = 'mexico-russia-study/pack'
export const PACK_SCHEMA_VERSION = 1

export const Pack = v.object({
  format: v.literal(PACK_FORMAT),
  schemaVersion: v.literal(PACK_SCHEMA_VERSION),
  /** The content version; changes whenever the curated content changes. */
  packVersion: Text,
  source: Source,
  sections: v.pipe(v.array(Section), v.minLength(1)),
  eras: v.pipe(v.array(Era), v.minLength(1)),
  events: v.array(Event),
  entities: v.array(Entity),
  trade: Trade,
  notes: v.array(EditorialNote),
  /** Entities asked about together, as one list card each. */
  groups: v.optional(v.array(EntityGroup)),
  /**
   * Wrong options for multiple choice of a kind the article names too few of (it names only four
   * items of equipment, all in one list), keyed by answer kind. None is named by the article.
   */
  decoys: v.optional(v.record(v.string(), v.array(Text))),
  cards: v.array(HandCard)
})

export type Theme = v.InferOutput<typeof Theme>

/** Readable names of the themes. */
export const THEME_LABELS: Record<Theme, string> = {
  diplomacy: 'Diplomacy',
  conflict: 'Conflict',
  'people-culture': 'People & culture',
  space: 'Space',
  'trade-economy': 'Trade & economy',
  tourism: 'Tourism',
  military: 'Military'
}
export type EventDate = v.InferOutput<typeof EventDate>
export type Era = v.InferOutput<typeof Era>
export type Paragraph = v.InferOutput<typeof Paragraph>
export type Block = v.InferOutput<typeof Block>
export type Section = v.InferOutput<typeof Section>
export type Entity = v.InferOutput<typeof Entity>
export type Country = v.InferOutput<typeof Country>
export type StudyEvent = v.InferOutput<typeof Event>
export type EditorialNote = v.InferOutput<typeof EditorialNote>
export type TradeFigure = v.InferOutput<typeof TradeFigure>
export type TradeFlow = v.InferOutput<typeof TradeFlow>
export type Company = v.InferOutput<typeof Company>
export type Equipment = v.InferOutput<typeof Equipment>
export type Trade = v.InferOutput<typeof Trade>
export type HandCard = v.InferOutput<typeof HandCard>
export type EntityGroup = v.InferOutput<typeof EntityGroup>
export type Pack = v.InferOutput<typeof Pack>

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: string[] }

/** Validates unknown JSON as a pack; on failure lists each problem with its path. */
export function parsePack(json: unknown): PackResult {
  const sound = parseEventByEvent(json)
  if (sound) return { ok: true, pack: sound }
  // Something is wrong (or the events are no list): the whole parse lists the problems, in order.
  const result = v.safeParse(Pack, json)
  if (result.success) return { ok: true, pack: result.output }
  return {
    ok: false,
    problems: result.issues.slice(0, 20).map((issue) => {
      const path = v.getDotPath(issue)
      return path ? `${path}: ${issue.message}` : issue.message
    })
  }
}

/**
 * The verdict and output of `v.safeParse(Pack, json)` for a sound pack, reached at lower cost:
 * the pack without its events in one parse, then each event in its own (the Pack object and the
 * events list have no checks across entries, so this is the same verdict). Measured in Chromium
 * on the 10,000-event bench pack: about a third less time than one parse of the whole (cold page,
 * alternating). Undefined at the first problem: the caller then parses it whole for the issues.
 */
function parseEventByEvent(json: unknown): Pack | undefined {
  if (typeof json !== 'object' || json === null) return undefined
  const { events } = json as { events?: unknown }
  if (!Array.isArray(events)) return undefined
  const rest = v.safeParse(Pack, { ...json, events: [] })
  if (!rest.success) return undefined
  const parsed: StudyEvent[] = []
  for (const event of events) {
    const one = v.safeParse(Event, event)
    if (!one.success) return undefined
    parsed.push(one.output)
  }
  return { ...rest.output, events: parsed }
}
