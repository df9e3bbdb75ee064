/** Messages the main process leaves for a page it reloaded, taken once by that page. */
const pending = new Map<number, string>()

/** Leaves a message for the page in web contents `id` (kept until the page asks for it). */
export function leaveNotice(id: number, text: string): void {
  pending.set(id, text)
}

/** Takes the message left for web contents `id`, if any; a second call gets null. */
export function takeNotice(id: number): string | null {
  const text = pending.get(id) ?? null
  pending.delete(id)
  return text
}
