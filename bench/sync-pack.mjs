/**
 * The real pack with `size` hand-written cards added (ids `hand:bench-NNNNNN`, the ids the study
 * seed gives its rows), each complete enough for the pack's own checks, as the sync suite serves it.
 */
import { readFileSync } from 'node:fs'

const packPath = new URL('../resources/packs/mexico-russia/pack.json', import.meta.url)

/** The pack's JSON text with `size` benchmark cards. */
export function packWithSyncCards(size) {
  const pack = JSON.parse(readFileSync(packPath, 'utf8'))
  for (let i = 0; i < size; i++) {
    pack.cards.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      question: `Benchmark question ${i}?`,
      answer: `Answer number ${i}`,
      paragraphId: 'p-trade-1',
      themes: ['trade-economy'],
      era: 'russian-federation',
      answerKind: 'description',
      wrong: [`Wrong answer ${i} a`, `Wrong answer ${i} b`, `Wrong answer ${i} c`]
    })
  }
  return JSON.stringify(pack)
}
