/** Events for the timeline's unit tests: made-up ones with any date, and evenly spread ones. */
import type { EventDate, StudyEvent } from '$shared/pack-schema'

/** A made-up event with a date and, by default, its id as its title. */
export const event = (id: string, date: EventDate, title = id): StudyEvent => ({
  id,
  title,
  summary: 'A summary.',
  date,
  dateText: 'text',
  era: 'era',
  themes: ['diplomacy'],
  entityIds: [],
  paragraphId: 'p-1',
  citations: []
})

/** The first moment of a year, UTC. */
export const year = (y: number) => Date.UTC(y, 0, 1)

/** Events spread evenly over 1800–2025, one every `step` days. */
export function spread(count: number): StudyEvent[] {
  const step = (year(2025) - year(1800)) / count
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(year(1800) + i * step)
    return event(`e${i}`, {
      precision: i % 4 === 0 ? 'day' : i % 4 === 1 ? 'month' : 'year',
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate()
    } as EventDate)
  })
}
