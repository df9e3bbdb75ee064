/**
 * The deck as a text file Anki imports (File → Import): tab-separated front, back and tags, with
 * the header lines that tell Anki the separator, the note type, the deck and the tags column.
 */
import type { StudyCard } from './study-card'

export const ANKI_FILE_NAME = 'mexico-russia-relations.anki.txt'
export const ANKI_DECK = 'Mexico–Russia Relations'

/** A field on one line: tabs and line breaks become spaces; quotes are escaped the CSV way. */
export function ankiField(text: string): string {
  const flat = text
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
  // Anki reads a field that starts with a quote as a quoted field; quote any field with one.
  return flat.includes('"') ? `"${flat.replace(/"/g, '""')}"` : flat
}

/** A tag without spaces (Anki separates tags by spaces). */
export function ankiTag(text: string): string {
  return text.trim().replace(/\s+/g, '_')
}

/** The tags of a card: its era and themes, e.g. `era::soviet-union theme::diplomacy`. */
export function ankiTags(card: StudyCard): string {
  return [`era::${ankiTag(card.era)}`, ...card.themes.map((t) => `theme::${ankiTag(t)}`)].join(' ')
}

/** The whole file: header lines, then one note per card. */
export function ankiExport(cards: readonly StudyCard[]): string {
  const header = [
    '#separator:tab',
    '#html:false',
    '#notetype:Basic',
    `#deck:${ANKI_DECK}`,
    '#tags column:3'
  ]
  const rows = cards.map((card) =>
    [ankiField(card.question), ankiField(card.answer), ankiTags(card)].join('\t')
  )
  return [...header, ...rows].join('\n') + '\n'
}
