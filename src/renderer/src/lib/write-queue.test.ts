/** The write queue: writes in order, a failure refuses the writes behind it, reset lets new ones run. */
import { describe, expect, it } from 'vitest'
import { WriteQueue, WriteSkipped } from './write-queue.svelte'

/** A write that finishes when told to, recording when it ran. */
function gate(log: string[], name: string) {
  let open!: () => void
  let fail!: (error: Error) => void
  const done = new Promise<void>((resolve, reject) => {
    open = resolve
    fail = reject
  })
  return {
    write: async () => {
      log.push(`start ${name}`)
      await done
      log.push(`end ${name}`)
      return name
    },
    open,
    fail
  }
}

describe('the write queue', () => {
  it('runs writes one after another, in the order asked, while the caller goes on', async () => {
    const queue = new WriteQueue()
    const log: string[] = []
    const a = gate(log, 'a')
    const b = gate(log, 'b')
    const first = queue.run(a.write)
    const second = queue.run(b.write)
    expect(queue.pending).toBe(2)
    await Promise.resolve()
    b.open() // b may not start before a has finished, however early it is ready
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(log).toEqual(['start a'])
    a.open()
    expect(await first).toBe('a')
    expect(await second).toBe('b')
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b'])
    await queue.idle()
    expect(queue.pending).toBe(0)
  })

  it('refuses the writes queued behind a failure unrun, and runs the ones asked after reset', async () => {
    const queue = new WriteQueue()
    const log: string[] = []
    const a = gate(log, 'a')
    const b = gate(log, 'b')
    const failed = queue.run(a.write)
    const behind = queue.run(b.write)
    a.fail(new Error('disk full'))
    await expect(failed).rejects.toThrow('disk full')
    await expect(behind).rejects.toBeInstanceOf(WriteSkipped)
    expect(queue.failed).toBe(true)
    expect(log).toEqual(['start a'])

    queue.reset()
    expect(queue.failed).toBe(false)
    expect(await queue.run(async () => 'c')).toBe('c')
  })

  it('idle waits for writes queued while it waits', async () => {
    const queue = new WriteQueue()
    const log: string[] = []
    const a = gate(log, 'a')
    void queue.run(a.write)
    const idle = queue.idle().then(() => log.push('idle'))
    void queue.run(async () => {
      log.push('b')
    })
    a.open()
    await idle
    expect(log).toEqual(['start a', 'end a', 'b', 'idle'])
  })
})
