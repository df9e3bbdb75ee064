/** The Sync panel's words for the last sync's report (pure, so it has a unit test). */
import { formatCountOf } from '../../domain/format'
import type { LastSync } from '../../db/sync/folder-choice'

/** A time in words: "just now", "5 minutes ago", or the date and time. */
function ago(at: number, now: number): string {
  const minutes = Math.round((now - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${formatCountOf(minutes, 'minute')} ago`
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
    sent: formatCountOf(last.sent, 'change'),
    received:
      formatCountOf(last.received, 'change') +
      (last.settings ? `, ${formatCountOf(last.settings, 'setting')}` : ''),
    devices:
      last.devices === 0
        ? 'No other computer has synced with this folder yet.'
        : `In step with ${formatCountOf(last.devices, 'other computer')}.`,
    issues: `${formatCountOf(last.issueCount, 'line')} in the folder could not be read and ${last.issueCount === 1 ? 'was' : 'were'} skipped (nothing was changed by ${last.issueCount === 1 ? 'it' : 'them'}):`
  }
}
