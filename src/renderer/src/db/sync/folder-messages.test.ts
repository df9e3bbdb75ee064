import { afterEach, describe, expect, it } from 'vitest'
import { StudyDatabase } from '../database'
import { syncCardIds } from '../card-sync'
import { answerCard } from '../study-store'
import { answerCall, PortFolder, type FolderCall, type FolderReply } from './folder-messages'
import { MemoryFolder } from './memory-folder'
import { FolderUnavailable, syncOnce } from './sync-once'

const T0 = Date.now() - 3 * 86_400_000
const open: StudyDatabase[] = []
const ports: MessagePort[] = []
let counter = 0
afterEach(() => {
  for (const db of open.splice(0)) db.close()
  for (const port of ports.splice(0)) port.close()
})

async function device(): Promise<StudyDatabase> {
  const db = new StudyDatabase(`folder-messages-${Date.now()}-${counter++}`)
  open.push(db)
  await db.open()
  await syncCardIds(['a', 'b'], T0, db)
  return db
}

/** A folder reached as the sync worker reaches it: each operation a message the page answers. */
function acrossPort(folder: MemoryFolder): PortFolder {
  const { port1: worker, port2: page } = new MessageChannel()
  ports.push(worker, page)
  const remote = new PortFolder({ postMessage: (call) => worker.postMessage(call) })
  worker.onmessage = (event: MessageEvent<FolderReply>) => remote.settle(event.data)
  page.onmessage = async (event: MessageEvent<FolderCall>) =>
    page.postMessage(await answerCall(folder, event.data))
  return remote
}

describe('a folder across a message port (the sync worker)', () => {
  it('syncs as the folder itself does: what one device sent, the other receives once', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    const rating = 3 as const
    await answerCard(
      { cardId: 'a', rating, now: T0, mode: 'flip', retention: 0.9, durationMs: 1 },
      a
    )
    expect((await syncOnce(a, acrossPort(folder), 'f', { pause: async () => {} })).sent).toBe(1)
    const report = await syncOnce(b, acrossPort(folder), 'f', { pause: async () => {} })
    expect(report.received).toBe(1)
    expect((await b.reviewLogs.toArray()).map((l) => l.uid)).toEqual(
      (await a.reviewLogs.toArray()).map((l) => l.uid)
    )
    expect((await b.cards.get('a'))!.reps).toBe(1)
  })

  it('a folder that is gone fails across the port too: the sync pauses, nothing is applied', async () => {
    const b = await device()
    const folder = new MemoryFolder()
    folder.present = false
    await expect(syncOnce(b, acrossPort(folder), 'f')).rejects.toBeInstanceOf(FolderUnavailable)
    expect(await b.reviewLogs.count()).toBe(0)
  })
})
