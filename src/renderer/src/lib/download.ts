/** How a download ended: saved through the desktop app's dialog, cancelled there, or handed to the browser. */
export type DownloadOutcome = 'saved' | 'cancelled' | 'downloaded'

/**
 * Saves text as a file. In the desktop app it goes through the bridge to the system's save dialog
 * (a sensible folder, the offered name, only the chosen path written); in a browser through the
 * browser's own download flow: a Blob, an object URL and a click on an `<a download>`.
 * Nothing leaves the machine either way.
 */
export function downloadText(
  text: string,
  fileName: string,
  type: string
): Promise<DownloadOutcome> {
  const bridge = window.studyApp
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
  return Promise.resolve('downloaded')
}
