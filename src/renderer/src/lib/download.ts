/**
 * Saves text as a file. In the desktop app it goes through the bridge to the system's save dialog
 * (a sensible folder, the offered name, only the chosen path written; the main process reports a
 * failed write in a dialog of its own); in a browser through the browser's own download flow: a
 * Blob, an object URL and a click on an `<a download>`. Nothing leaves the machine either way.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const bridge = window.studyApp
  if (bridge) {
    bridge.saveFile({ text, fileName }).catch((error: unknown) => {
      console.error(`The file ${fileName} was not saved: ${String(error)}`)
    })
    return
  }
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
}
