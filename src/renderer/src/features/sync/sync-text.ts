/** The Sync panel's words for the last sync's report (pure, so it has a unit test). */
import { formatCount } from '../../domain/format'
import type { LastSync } from '../../db/sync/folder-choice'

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`

/** A time in words: "just now", "5 minutes ago", or the date and time. */
function ago(at: number, now: number): string {
  const minutes = Math.round((now - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

/** How the panel describes the last sync at `now`. */
export function describeLastSync(
  last: LastSync | undefined,
  now: number
): {
  when: string
  changed: string
  sent: string
  received: string
  devices: string
  issues: string
} {
  if (!last)
    return { when: 'not yet', changed: '', sent: '–', received: '–', devices: '', issues: '' }
  return {
    when: ago(last.at, now),
    changed: last.changedAt === last.at ? '' : `(last exchange ${ago(last.changedAt, now)})`,
    sent: plural(last.sent, 'change'),
    received:
      plural(last.received, 'change') +
      (last.settings ? `, ${plural(last.settings, 'setting')}` : ''),
    devices:
      last.devices === 0
        ? 'No other computer has synced with this folder yet.'
        : `In step with ${plural(last.devices, 'other computer')}.`,
    issues: `${plural(last.issueCount, 'line')} in the folder could not be read and ${last.issueCount === 1 ? 'was' : 'were'} skipped (nothing was changed by ${last.issueCount === 1 ? 'it' : 'them'}):`
  }
}
