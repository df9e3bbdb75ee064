import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MenuCommand, StudyAppBridge } from '$shared/ipc'
import { connectDesktop } from './desktop'
import { downloadText } from './download'

function fakeBridge(notice: string | null = null) {
  let listener: ((command: MenuCommand) => void) | undefined
  const bridge: StudyAppBridge = {
    appInfo: vi.fn(),
    saveFile: vi.fn(async () => 'saved' as const),
    takeNotice: vi.fn(async () => notice),
    onMenuCommand: (l) => {
      listener = l
    },
    syncChoose: vi.fn(),
    syncFolder: vi.fn(),
    syncForget: vi.fn(),
    syncList: vi.fn(),
    syncRead: vi.fn(),
    syncAppend: vi.fn(),
    syncReplace: vi.fn()
  }
  return { bridge, choose: (command: MenuCommand) => listener?.(command) }
}

afterEach(() => vi.unstubAllGlobals())

describe('the desktop connection', () => {
  it('takes each menu command to its view and scrolls to its section', () => {
    const scrolled: string[] = []
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => f())
    vi.stubGlobal('document', {
      getElementById: (id: string) => ({ scrollIntoView: () => scrolled.push(id) })
    })
    const { bridge, choose } = fakeBridge()
    const go = vi.fn()
    connectDesktop(bridge, { go, notify: vi.fn() })
    choose('export-trade')
    choose('backup')
    choose('about')
    expect(go.mock.calls).toEqual([['#/trade'], ['#/progress'], ['#/about']])
    expect(scrolled).toEqual(['trade-download', 'data-heading'])
  })

  it('shows a notice the main process left (a reload after a crash), and nothing otherwise', async () => {
    const notify = vi.fn()
    connectDesktop(fakeBridge('The page was reloaded.').bridge, { go: vi.fn(), notify })
    connectDesktop(fakeBridge(null).bridge, { go: vi.fn(), notify })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(notify.mock.calls).toEqual([['The page was reloaded.']])
  })

  it('does nothing in a browser', () => {
    expect(() => connectDesktop(undefined, { go: vi.fn(), notify: vi.fn() })).not.toThrow()
  })
})

describe('downloadText in the desktop app', () => {
  it('goes through the bridge’s save dialog, not a browser download', () => {
    const { bridge } = fakeBridge()
    vi.stubGlobal('window', { studyApp: bridge })
    // No document is stubbed: a browser download here would throw.
    void downloadText('a,b', 'trade.csv', 'text/csv')
    expect(bridge.saveFile).toHaveBeenCalledWith({ text: 'a,b', fileName: 'trade.csv' })
  })

  it('hands a refused save to its caller as a rejection (the caller reports it)', async () => {
    const { bridge } = fakeBridge()
    bridge.saveFile = vi.fn(async () => Promise.reject(new Error('refused')))
    vi.stubGlobal('window', { studyApp: bridge })
    await expect(downloadText('x', 'evil.exe', 'text/plain')).rejects.toThrow('refused')
  })
})
