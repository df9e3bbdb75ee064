/**
 * Saves text through the browser's download flow: a Blob, an object URL and a click on an
 * `<a download>`. Electron turns that click into its save dialog; nothing leaves the machine.
 */
export function downloadText(text: string, fileName: string, type: string): void {
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
