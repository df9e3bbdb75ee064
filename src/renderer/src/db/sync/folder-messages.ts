/**
 * A sync folder across a message port: the sync worker cannot reach the folder itself (the
 * desktop bridge lives in the page, and the page holds the browser's folder handle), so it asks
 * the page for each operation and the page answers from the real folder.
 */
import type { FolderEntry, SyncFolder } from '$shared/sync-folder'

type Op = 'list' | 'read' | 'append' | 'replace'

/** An operation the worker asks of the page. */
export interface FolderCall {
  type: 'folder'
  call: number
  op: Op
  path: string
  /** read: the byte offset; append and replace: the text. */
  arg?: number | string
}

/** The page's answer to a `FolderCall`: its value, or the message of its failure. */
export interface FolderReply {
  type: 'folder-reply'
  call: number
  value?: unknown
  error?: string
}

/** Where calls are posted (the worker's global scope). */
export interface CallPort {
  postMessage(message: FolderCall): void
}

/** The folder as the worker sees it: every operation is a call answered by the page. */
export class PortFolder implements SyncFolder {
  readonly label = 'the sync folder'
  #next = 1
  #waiting = new Map<number, { resolve: (value: never) => void; reject: (e: Error) => void }>()

  constructor(private readonly port: CallPort) {}

  /** Hands the page's answer to the call waiting for it. */
  settle = (reply: FolderReply): void => {
    const waiting = this.#waiting.get(reply.call)
    this.#waiting.delete(reply.call)
    if (reply.error !== undefined) waiting?.reject(new Error(reply.error))
    else waiting?.resolve(reply.value as never)
  }

  #ask<T>(op: Op, path: string, arg?: number | string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const call = this.#next++
      this.#waiting.set(call, { resolve: resolve as (value: never) => void, reject })
      this.port.postMessage({ type: 'folder', call, op, path, arg })
    })
  }

  list = (dir: string): Promise<FolderEntry[]> => this.#ask('list', dir)
  read = (path: string, offset: number): Promise<string> => this.#ask('read', path, offset)
  append = (path: string, text: string): Promise<void> => this.#ask('append', path, text)
  replace = (path: string, text: string): Promise<void> => this.#ask('replace', path, text)
}

/** Runs a call on the real folder (in the page); a failure becomes its message. */
export async function answerCall(folder: SyncFolder, call: FolderCall): Promise<FolderReply> {
  try {
    const value = await run(folder, call)
    return { type: 'folder-reply', call: call.call, value }
  } catch (error) {
    return {
      type: 'folder-reply',
      call: call.call,
      error: (error as Error)?.message ?? String(error)
    }
  }
}

function run(folder: SyncFolder, { op, path, arg }: FolderCall): Promise<unknown> {
  switch (op) {
    case 'list':
      return folder.list(path)
    case 'read':
      return folder.read(path, Number(arg))
    case 'append':
      return folder.append(path, String(arg))
    case 'replace':
      return folder.replace(path, String(arg))
  }
}
