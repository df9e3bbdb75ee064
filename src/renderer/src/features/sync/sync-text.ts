/** The Sync panel's words for the last sync's report (pure, so it has a unit test). */
import type { LastSync } from '../../db/sync/folder-choice'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** How the panel describes the last sync at `now`. */
export function describeLastSync(
  last: LastSync | undefined,
  now: number
): { when: string; sent: string; received: string; devices: string; issues: string } {
  if (!last) return { when: 'not yet', sent: '–', received: '–', devices: '', issues: '' }
  const minutes = Math.round((now - last.at) / 60_000)
  const when =
    minutes < 1
      ? 'just now'
      : minutes < 60
        ? `${plural(minutes, 'minute')} ago`
        : new Date(last.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  return {
    when,
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
