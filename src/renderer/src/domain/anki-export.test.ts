import { describe, expect, it } from 'vitest'
import { realPack } from '../test-support/real-pack'
import { ankiExport, ankiField, ankiGuid, ankiTags } from './anki-export'
import { buildStudyContent } from './content'
import type { StudyCard } from './study-card'

const content = buildStudyContent(realPack())
const pick = (...ids: string[]) => ids.map((id) => content.cardById.get(id)!)

describe('ankiExport', () => {
  const lines = ankiExport(
    content.pack,
    pick('person:leon-trotsky', 'figure:trade-total-2014', 'event-when:1812-fort-ross')
  ).split('\n')

  it('starts with the header lines Anki reads: HTML fields, the columns, GUID and tags', () => {
    expect(lines.slice(0, 7)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Mexico–Russia Relations',
      '#columns:GUID\tFront\tBack\tTags',
      '#guid column:1',
      '#tags column:4'
    ])
  })

  it('writes a person: GUID, question, answer with section and editorial note, tags', () => {
    expect(lines[7]!.split('\t')).toEqual([
      'mexico-russia:person:leon-trotsky',
      'Who was this? Former Soviet politician, in exile',
      '<b>Leon Trotsky</b><br><br>' +
        '<small>Mexico–Russia relations (Infogalactic), section “Soviet era” [3]</small><br><br>' +
        '<i>Editors’ note:</i> the article says “In 1936 former Soviet politician Leon Trotsky ' +
        'and his wife Natalia Sedova, moved to Mexico from Norway”. Trotsky and Sedova left ' +
        'Norway in December 1936 and reached Mexico, at the port of Tampico, in January 1937. ' +
        'The move began in 1936 but the arrival was in 1937.',
      'era::soviet-union theme::people-culture theme::diplomacy theme::conflict kind::person'
    ])
  })

  it('writes a trade figure with the article’s sentence and the note on its decimal comma', () => {
    const [guid, front, back, tags] = lines[8]!.split('\t')
    expect(guid).toBe('mexico-russia:figure:trade-total-2014')
    expect(front).toBe(
      "Two-way trade between Mexico and Russia in 2014, in US dollars, as the editors' note reads the source's garbled figure?"
    )
    expect(back!.split('<br><br>')).toEqual([
      '<b>US$1.784 billion</b>',
      'In 2014, two-way trade between both nations totaled $1,784 billion USD.',
      '<small>Mexico–Russia relations (Infogalactic), section “Trade” [6]</small>',
      '<i>Editors’ note:</i> the article says “$1,784 billion USD”. The comma here can only be ' +
        'a decimal separator: the total is US$1.784 billion, that is 1,784 million dollars. A ' +
        'total of 1,784 billion dollars would be larger than all the foreign trade of either economy.'
    ])
    expect(tags).toBe('era::russian-federation theme::trade-economy kind::figure')
  })

  it('writes an event with its summary and no note, and ends with one line break', () => {
    expect(lines[9]).toBe(
      'mexico-russia:event-when:1812-fort-ross\tWhen? Fort Ross established\t' +
        '<b>1812</b><br><br>Fort Ross was founded in what is today northern California.<br><br>' +
        '<small>Mexico–Russia relations (Infogalactic), section “History (1806–1920)” [1]</small>' +
        '\tera::early-contact theme::trade-economy kind::event-when'
    )
    expect(lines[10]).toBe('')
    expect(lines).toHaveLength(11)
  })

  it('gives every card of the pack one row of four fields and a GUID of its own', () => {
    const all = ankiExport(content.pack, content.cards).trimEnd().split('\n').slice(7)
    expect(all).toHaveLength(content.cards.length)
    for (const row of all) expect(row.split('\t')).toHaveLength(4)
    expect(new Set(all.map((row) => row.split('\t')[0])).size).toBe(content.cards.length)
  })

  it('keeps a card’s GUID when its text changes, so a re-import updates the note', () => {
    const card = content.cardById.get('person:leon-trotsky')!
    const edited: StudyCard = { ...card, question: 'Who?', answer: 'L. Trotsky' }
    expect(ankiGuid(edited)).toBe(ankiGuid(card))
  })

  it('escapes HTML and flattens tabs and line breaks, so a field never needs quoting', () => {
    expect(ankiField('a\tb\nc')).toBe('a b c')
    expect(ankiField('the "Tsar Bell" <b> & co')).toBe(
      'the &quot;Tsar Bell&quot; &lt;b&gt; &amp; co'
    )
    expect(ankiTags({ ...pick('person:leon-trotsky')[0]!, era: 'space age', themes: [] })).toBe(
      'era::space_age kind::person'
    )
  })

  it('writes only the header for an empty deck', () => {
    expect(ankiExport(content.pack, []).trim().split('\n')).toHaveLength(7)
  })
})
