/**
 * Saves text as a file. In the desktop app it goes through the bridge to the system's save dialog
 * (a sensible folder, the offered name, only the chosen path written; the main process reports a
 * failed write in a dialog of its own); in a browser through the browser's own download flow: a
 * Blob, an object URL and a click on an `<a download>`. Nothing leaves the machine either way.
 */
import type { SaveOutcome } from '$shared/ipc'

/**
 * What became of a file: saved where the student chose, cancelled in the save dialog, or handed
 * to the browser's downloads (which say themselves where it went, or that it was refused).
 */
export type DownloadOutcome = SaveOutcome | 'handed-to-browser'

/** Saves `text` under `fileName`; rejects when the desktop app could not write the file. */
export async function downloadText(
  text: string,
  fileName: string,
  type: string
): Promise<DownloadOutcome> {
  const bridge = globalThis.window?.studyApp
  if (bridge) return bridge.saveFile({ text, fileName })
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  // The click starts the download synchronously; revoking on the next turn keeps it valid.
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return 'handed-to-browser'
}

/**
 * The notice for a download: what was saved, or nothing when the student cancelled the dialog.
 * `what` names the file's content ("Backup file", "Anki export"), `detail` says what it holds.
 */
export function downloadNotice(outcome: DownloadOutcome, what: string, detail = ''): string | null {
  const more = detail ? `: ${detail}` : ''
  if (outcome === 'cancelled') return null
  if (outcome === 'saved') return `${what} saved${more}.`
  return `${what} made${more}. Your browser's downloads show where it went.`
}
