/** Short messages to the user (a failed save, a finished export), announced politely. */
export interface Notice {
  id: number
  text: string
  kind: 'info' | 'error'
}

class Notices {
  list: Notice[] = $state([])
  #next = 1

  /** Shows a message; errors stay until dismissed, information fades after a few seconds. */
  show = (text: string, kind: Notice['kind'] = 'info'): void => {
    const id = this.#next++
    this.list.push({ id, text, kind })
    if (kind === 'info') setTimeout(() => this.dismiss(id), 5000)
  }

  dismiss = (id: number): void => {
    this.list = this.list.filter((n) => n.id !== id)
  }
}

export const notices = new Notices()
