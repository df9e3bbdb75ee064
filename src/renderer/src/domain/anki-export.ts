/**
 * The deck as a text file Anki imports (File → Import): one note per card, tab-separated, with a
 * GUID column stable per card id, so importing again after a pack update updates the notes
 * instead of adding duplicates. The header lines tell Anki the separator, that fields are HTML,
 * the note type, the deck, the columns and which of them hold the GUID and the tags.
 */
import type { Pack } from '$shared/pack-schema'
import { cardBack } from './card-back'
import type { StudyCard } from './study-card'

export const ANKI_FILE_NAME = 'mexico-russia-relations.anki.txt'
export const ANKI_DECK = 'Mexico–Russia Relations'

/** The note's GUID: the card id under this deck's prefix, so it never changes with the text. */
export function ankiGuid(card: Pick<StudyCard, 'id'>): string {
  return `mexico-russia:${card.id}`
}

/**
 * A field on one line, as HTML text: `&`, `<`, `>` and `"` escaped (so a field never needs
 * quoting), tabs and line breaks become spaces.
 */
export function ankiField(text: string): string {
  return text
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** A tag without spaces (Anki separates tags by spaces). */
export function ankiTag(text: string): string {
  return text.trim().replace(/\s+/g, '_')
}

/** The tags of a card: era, themes and kind, e.g. `era::soviet-union theme::diplomacy kind::person`. */
export function ankiTags(card: StudyCard): string {
  return [
    `era::${ankiTag(card.era)}`,
    ...card.themes.map((t) => `theme::${ankiTag(t)}`),
    `kind::${ankiTag(card.kind)}`
  ].join(' ')
}

/** The back: the answer, its detail, the section and citations it comes from, editorial notes. */
export function ankiBack(pack: Pack, card: StudyCard): string {
  const back = cardBack(pack, card)
  const cites = card.citations.map((n) => ` [${n}]`).join('')
  const parts = [
    `<b>${ankiField(back.answer)}</b>`,
    back.detail && ankiField(back.detail),
    back.section &&
      `<small>Mexico–Russia relations (Infogalactic), section “${ankiField(back.section)}”${cites}</small>`,
    ...back.notes.map(
      (n) =>
        `<i>Editors’ note:</i> ${n.sourceSays ? `the article says “${ankiField(n.sourceSays)}”. ` : ''}${ankiField(n.text)}`
    )
  ]
  return parts.filter(Boolean).join('<br><br>')
}

/** The header lines. */
export const ANKI_HEADER = [
  '#separator:tab',
  '#html:true',
  '#notetype:Basic',
  `#deck:${ANKI_DECK}`,
  '#columns:GUID\tFront\tBack\tTags',
  '#guid column:1',
  '#tags column:4'
] as const

/** The whole file: header lines, then one note per card. */
export function ankiExport(pack: Pack, cards: readonly StudyCard[]): string {
  const rows = cards.map((card) =>
    [ankiGuid(card), ankiField(card.question), ankiBack(pack, card), ankiTags(card)].join('\t')
  )
  return [...ANKI_HEADER, ...rows].join('\n') + '\n'
}
