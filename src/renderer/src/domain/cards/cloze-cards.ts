/**
 * Fill-the-gap (cloze) cards from the article's own sentences: one key term (a date, number or
 * name) blanked per card, as Anki users make by hand. A term is blanked only where the sentence
 * still identifies it: it stands once in the sentence, and it is not words an editorial note
 * corrects (the article's "$1,784 billion" is never asked). At most four gaps per sentence.
 */
import type { Pack, StudyEvent, Theme } from '$shared/pack-schema'
import { cardIds, noteIds } from '../card-ids'
import type { AnswerKind } from '../study-card'
import {
  type CardContext,
  type Draft,
  eraOfParagraph,
  paragraphCitations,
  spellings
} from './context'
import { GAP, type KnownName, type Term, sentencesOf, termsOf, withoutMarks } from './cloze-text'
import { eventDateLabel } from './event-dates'

const MAX_GAPS = 4
/** Sentences longer than this are cut at a clause after the gap, so the card fits a small window. */
const LONG = 200

/**
 * The question of a gap: the sentence with the term blanked, and a long sentence cut after the
 * first clause break that leaves 40 characters past the gap ("In _____, during an official visit
 * by Mexican President José López Portillo to the Soviet Union…").
 */
function gapQuestion(sentence: string, term: Term): string {
  const end = term.start + term.text.length
  const text = sentence.slice(0, term.start) + GAP + sentence.slice(end)
  if (sentence.length <= LONG) return text
  const gapEnd = term.start + GAP.length
  const cut = [...text.matchAll(/[,;] /g)].find((m) => m.index >= gapEnd + 40)
  return cut && cut.index < text.length - 20 ? `${text.slice(0, cut.index)}…` : text
}
/** Which terms a sentence's gaps go to first when it has more than `MAX_GAPS`. */
const PRIORITY: AnswerKind[] = [
  'date',
  'number',
  'person',
  'place',
  'organisation',
  'equipment',
  'company'
]

/** Every name a gap may blank: entities (people also by surname) and items of equipment. */
function knownNames(pack: Pack): KnownName[] {
  const names: KnownName[] = pack.entities.map((e) => {
    // An alias that holds the name ("Emperor Alexander I") adds only a title: blank the name.
    const forms = [e.name, ...(e.aliases ?? []).filter((a) => !a.includes(e.name))]
    const surname = e.name.split(' ').at(-1)!
    if (e.kind === 'person' && surname !== e.name && surname.length >= 4) forms.push(surname)
    return { forms, answerKind: e.kind, factId: e.id }
  })
  for (const item of pack.trade.equipment) {
    names.push({ forms: spellings(item.name), answerKind: 'equipment', factId: item.id })
  }
  return names
}

/** The spans of a sentence that an editorial note says are wrong, as [start, end) pairs. */
function correctedSpans(pack: Pack, sentence: string): [number, number][] {
  const spans: [number, number][] = []
  for (const note of pack.notes) {
    if (!note.sourceSays) continue
    const said = withoutMarks(note.sourceSays)
    const at = sentence.indexOf(said)
    if (at >= 0) spans.push([at, at + said.length])
    else if (said.includes(sentence)) spans.push([0, sentence.length])
  }
  return spans
}

/**
 * The event a gap belongs to: of the paragraph's events dated in the sentence, the one that
 * involves the term or most of the names the sentence gives, then the one with the longest date
 * label ("August 2014" over "2014"), then the one dated nearest before the gap.
 */
function eventOf(
  term: Term,
  sentence: string,
  events: StudyEvent[],
  pack: Pack
): StudyEvent | undefined {
  const named = (e: StudyEvent) =>
    e.entityIds.filter((id) => {
      const entity = pack.entities.find((x) => x.id === id)
      return entity && [entity.name, ...(entity.aliases ?? [])].some((n) => sentence.includes(n))
    }).length
  const scored = events
    .filter((e) => sentence.includes(eventDateLabel(e)))
    .filter((e) => term.answerKind !== 'date' || eventDateLabel(e) === term.text)
    .map((e) => {
      const label = eventDateLabel(e)
      const before = sentence.lastIndexOf(label, term.start)
      return {
        event: e,
        score: (term.factId && e.entityIds.includes(term.factId) ? 100 : 0) + named(e),
        length: label.length,
        distance: before >= 0 ? term.start - before : 10_000
      }
    })
  scored.sort((a, b) => b.score - a.score || b.length - a.length || a.distance - b.distance)
  return scored[0]?.event
}

/**
 * The cloze cards of every paragraph. `paragraphThemes` gives the themes of a paragraph's other
 * cards, for gaps that belong to no event.
 */
export function clozeCards(
  context: CardContext,
  paragraphThemes: ReadonlyMap<string, Theme[]>
): Draft[] {
  const { pack, events, entityById } = context
  const names = knownNames(pack)
  const cards: Draft[] = []
  for (const block of pack.sections.flatMap((s) => s.blocks)) {
    if (block.kind !== 'paragraph') continue
    const inParagraph = events.filter((e) => e.paragraphId === block.id)
    sentencesOf(block.text).forEach((sentence, index) => {
      const corrected = correctedSpans(pack, sentence)
      const terms = termsOf(sentence, names).filter(
        (t, _, all) =>
          all.filter((o) => o.text === t.text).length === 1 &&
          sentence.split(t.text).length === 2 &&
          !corrected.some(([from, to]) => t.start < to && from < t.start + t.text.length)
      )
      const chosen = [...terms]
        .sort((a, b) => PRIORITY.indexOf(a.answerKind) - PRIORITY.indexOf(b.answerKind))
        .slice(0, MAX_GAPS)
        .sort((a, b) => a.start - b.start)
      for (const term of chosen) {
        const event = eventOf(term, sentence, inParagraph, pack)
        const figure =
          term.answerKind === 'number'
            ? pack.trade.figures.find(
                (f) =>
                  f.paragraphId === block.id &&
                  f.quote.includes(sentence.slice(term.start, term.start + term.text.length + 12))
              )
            : undefined
        const entity = term.factId ? entityById.get(term.factId) : undefined
        const noteId = figure
          ? cardIds.figure(figure.id)
          : event
            ? noteIds.event(event.id)
            : entity && entity.card !== false
              ? cardIds.entity(entity.kind, entity.id)
              : noteIds.paragraph(block.id)
        cards.push({
          id: cardIds.cloze(block.id, index, term.text),
          noteId,
          kind: 'cloze',
          question: gapQuestion(sentence, term),
          answer: term.text,
          answerKind: term.answerKind,
          accept: [...(term.accept ?? [])],
          date: term.date,
          value: term.value,
          era: event?.era ?? eraOfParagraph(pack, block.id),
          themes: event ? [...event.themes] : [...(paragraphThemes.get(block.id) ?? ['diplomacy'])],
          paragraphId: block.id,
          eventId: event?.id,
          entityIds: entity ? [entity.id] : [],
          factIds: figure ? [figure.id] : term.factId && !entity ? [term.factId] : undefined,
          citations: event ? [...event.citations] : paragraphCitations(pack, block.id)
        })
      }
    })
  }
  return cards
}
