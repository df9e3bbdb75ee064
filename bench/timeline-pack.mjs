/**
 * Scale packs for the timeline benchmark: the real pack with its events replicated under new
 * unique ids, dates spread evenly over 1806–2025 (the eras begin in 1806, and every event must
 * fall inside its era for the pack to pass the app's integrity check), precisions mixed.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const base = JSON.parse(readFileSync(join(root, 'resources/packs/mexico-russia/pack.json'), 'utf8'))

// English month names, as the pack writes its dates ("4 June 1890").
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Date(Date.UTC(2000, m, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })
)
const FIRST = 1806
const LAST = 2025

/** The era a year belongs to (the first one listed that holds it), or undefined in a gap. */
function eraFor(year) {
  return base.eras.find((e) => e.start <= year && (e.end === undefined || year <= e.end))
}

/**
 * The real pack with `count` events in all (the originals kept, so notes and cards still resolve);
 * `from` is another build's own pack (the before build's, in the form its schema accepts).
 */
export function scalePack(count, from = base) {
  const pack = structuredClone(from)
  const originals = from.events
  const extra = Math.max(0, count - originals.length)
  const events = [...originals]
  for (let i = 0; i < extra; i++) {
    const source = originals[i % originals.length]
    const t = FIRST + ((LAST - FIRST + 1) * (i + 0.5)) / extra
    let year = Math.floor(t)
    let era = eraFor(year)
    if (!era) {
      // 1921 falls between eras: move to the nearest year that has one.
      year = year - 1
      era = eraFor(year)
    }
    const month = Math.min(12, Math.floor((t - Math.floor(t)) * 12) + 1)
    const day = 1 + ((i * 7) % 28)
    const kind = i % 10 === 9 ? 'range' : ['year', 'month', 'day'][i % 3]
    let date
    let dateText
    if (kind === 'day') {
      date = { precision: 'day', year, month, day }
      dateText = `${day} ${MONTHS[month - 1]} ${year}`
    } else if (kind === 'month') {
      date = { precision: 'month', year, month }
      dateText = `${MONTHS[month - 1]} ${year}`
    } else if (kind === 'year') {
      date = { precision: 'year', year }
      dateText = `In ${year}`
    } else {
      const endYear = Math.min(year + 1 + (i % 5), era.end ?? LAST)
      date = { precision: 'range', year, endYear }
      dateText = `${year}-${endYear}`
    }
    events.push({
      ...source,
      id: `${source.id}-x${i}`,
      title: `${source.title} (${year})`,
      date,
      dateText,
      era: era.id
    })
  }
  pack.events = events
  return pack
}

/** vis-timeline items for the same events: spans as ranges, days as points. */
export function visItems(pack) {
  return pack.events.map((e) => {
    const d = e.date
    const start =
      d.precision === 'day'
        ? Date.UTC(d.year, d.month - 1, d.day, 12)
        : Date.UTC(d.year, d.precision === 'month' ? d.month - 1 : 0, 1)
    const end =
      d.precision === 'day'
        ? undefined
        : d.precision === 'month'
          ? Date.UTC(d.year, d.month, 1)
          : Date.UTC((d.precision === 'range' ? d.endYear : d.year) + 1, 0, 1)
    return end === undefined
      ? { id: e.id, content: e.title, start, type: 'point' }
      : { id: e.id, content: e.title, start, end, type: 'range' }
  })
}
