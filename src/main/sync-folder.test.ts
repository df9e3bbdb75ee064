/**
 * The sync folder in the main process: the named IPC methods refuse a foreign sender and bad
 * arguments, the folder comes from the system's dialog only, and no path, link or name leads out
 * of it. Files written through it read back as written (appends whole, replacements at once).
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeState } from './test-support/fake-electron'
import { IPC } from '../shared/ipc'
import { NodeFolder } from './sync-folder-fs'

const state = new FakeState()
vi.mock('electron', async () => {
  const { electronModule } = await import('./test-support/fake-electron')
  return electronModule(state)
})
const { setupSync } = await import('./sync-folder')

const base = mkdtempSync(join(tmpdir(), 'sync-folder-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
let counter = 0

const APP = 'app://bundle/#/progress'
const event = (url: string | undefined) => ({
  sender: { id: 3 },
  senderFrame: url ? { url } : null
})
const call = (channel: string, url: string | undefined, ...args: unknown[]) => {
  const handler = state.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return Promise.resolve().then(() => handler(event(url), ...args))
}

let root: string
let stateFile: string
beforeEach(async () => {
  state.reset()
  await state.becomeReady()
  const dir = join(base, `case-${counter++}`)
  root = join(dir, 'Sync')
  mkdirSync(root, { recursive: true })
  stateFile = join(dir, 'sync-folder.json')
  setupSync({ devOrigin: null, stateFile })
})

async function choose() {
  state.openDialogAnswer = { canceled: false, filePaths: [root] }
  return call(IPC.syncChoose, APP)
}

describe('the sync IPC', () => {
  const channels = [
    IPC.syncChoose,
    IPC.syncFolder,
    IPC.syncForget,
    IPC.syncList,
    IPC.syncRead,
    IPC.syncAppend,
    IPC.syncReplace
  ]
  it.each(channels)('%s refuses a sender that is not the app', async (channel) => {
    await choose()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', undefined]) {
      await expect(call(channel, url, 'devices', 0)).rejects.toThrow(/refused: not the app/)
    }
  })

  it('takes the folder from the system dialog only, keeps it, and forgets it', async () => {
    expect(await call(IPC.syncFolder, APP)).toBeNull()
    await expect(call(IPC.syncList, APP, '')).rejects.toThrow(/no sync folder/)
    state.openDialogAnswer = { canceled: true, filePaths: [] }
    expect(await call(IPC.syncChoose, APP)).toBeNull()
    expect(await choose()).toBe(root)
    expect(state.openDialogCalls[0]![0]).toMatchObject({
      properties: ['openDirectory', 'createDirectory']
    })
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ path: root })
    // The next start of the app finds it again.
    state.reset()
    await state.becomeReady()
    setupSync({ devOrigin: null, stateFile })
    expect(await call(IPC.syncFolder, APP)).toBe(root)
    await call(IPC.syncForget, APP)
    expect(await call(IPC.syncFolder, APP)).toBeNull()
  })

  it('appends, replaces, lists and reads from an offset inside the folder', async () => {
    await choose()
    await call(IPC.syncAppend, APP, 'devices/dev-12345678/reviews-2026.jsonl', '{"a":1}\n')
    await call(IPC.syncAppend, APP, 'devices/dev-12345678/reviews-2026.jsonl', '{"é":2}\n')
    await call(IPC.syncReplace, APP, 'devices/dev-12345678/settings.json', '{}\n')
    await call(IPC.syncReplace, APP, 'devices/dev-12345678/settings.json', '{"x":1}\n')
    expect(readdirSync(join(root, 'devices/dev-12345678')).sort()).toEqual([
      'reviews-2026.jsonl',
      'settings.json'
    ])
    const list = (await call(IPC.syncList, APP, 'devices/dev-12345678')) as {
      name: string
      size: number
    }[]
    expect(list.find((e) => e.name === 'reviews-2026.jsonl')!.size).toBe(17)
    expect(await call(IPC.syncRead, APP, 'devices/dev-12345678/reviews-2026.jsonl', 8)).toBe(
      '{"é":2}\n'
    )
    expect(await call(IPC.syncRead, APP, 'devices/dev-12345678/settings.json', 0)).toBe('{"x":1}\n')
    expect(await call(IPC.syncList, APP, 'devices/nobody-yet')).toEqual([])
  })

  it('refuses paths and arguments that are not a file inside the folder', async () => {
    await choose()
    for (const bad of [
      '../outside.jsonl',
      '/etc/passwd',
      'a/../../b',
      'C:\\x',
      '.hidden',
      '',
      7,
      null
    ]) {
      await expect(call(IPC.syncAppend, APP, bad, 'x\n')).rejects.toThrow(/refused/)
      await expect(call(IPC.syncRead, APP, bad, 0)).rejects.toThrow(/refused/)
    }
    await expect(call(IPC.syncRead, APP, 'a.jsonl', -1)).rejects.toThrow(/refused/)
    await expect(call(IPC.syncRead, APP, 'a.jsonl', '0')).rejects.toThrow(/refused/)
    await expect(call(IPC.syncAppend, APP, 'a.jsonl', { text: 'x' })).rejects.toThrow(/refused/)
    await expect(call(IPC.syncList, APP, '..')).rejects.toThrow(/refused/)
  })

  it('follows no symlink out of the folder, and lists none', async () => {
    await choose()
    const outside = join(base, `outside-${counter}`)
    mkdirSync(outside)
    writeFileSync(join(outside, 'secret.jsonl'), 'secret\n')
    symlinkSync(outside, join(root, 'devices'))
    await expect(call(IPC.syncRead, APP, 'devices/secret.jsonl', 0)).rejects.toThrow(/link out/)
    await expect(call(IPC.syncAppend, APP, 'devices/x/new.jsonl', 'x\n')).rejects.toThrow(
      /link out/
    )
    expect(await call(IPC.syncList, APP, '')).toEqual([])
    expect(readFileSync(join(outside, 'secret.jsonl'), 'utf8')).toBe('secret\n')
  })

  it('fails, without writing anywhere else, once the folder is gone', async () => {
    await choose()
    rmSync(root, { recursive: true })
    await expect(call(IPC.syncList, APP, '')).rejects.toThrow(/ENOENT/)
    await expect(call(IPC.syncAppend, APP, 'devices/a/reviews-2026.jsonl', 'x\n')).rejects.toThrow()
    await expect(new NodeFolder(root).list('devices')).rejects.toThrow(/ENOENT/)
  })
})
