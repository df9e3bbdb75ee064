/**
 * The sync journal, as a Dexie middleware: whoever writes (the study store, a write queue, a
 * restore), every review-log row gets a global id and this device's id, every change of a card's
 * suspended or buried flag and every undone review becomes a card event in `cardEvents`, and every
 * synced setting carries the time it was set. One place, so no writer can forget to tell sync.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction
} from 'dexie'
import type { CardRow, ReviewLogRow } from '../../domain/card-state'
import { isSyncedSetting, type CardEventRow } from '../../domain/sync/lines'

/** Transactions that apply what other devices did: they write no events of their own. */
const importing = new WeakSet<object>()

/** Marks a transaction as a sync import (call first thing inside it). */
export function markImport(tx: Transaction): void {
  importing.add(tx.idbtrans as unknown as object)
}

/** A new random id (events, reviews, devices). */
export function newId(): string {
  return crypto.randomUUID()
}

const JOURNALED = ['cards', 'reviewLogs']

/** The middleware; `device` gives this installation's id (known once the database is ready). */
export function syncJournal(device: () => string | undefined): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sync-journal',
    create: (down) => {
      const events = (): DBCoreTable => down.table('cardEvents')
      const record = async (trans: DBCoreTransaction, rows: CardEventRow[]) => {
        if (rows.length) await events().mutate({ type: 'add', trans, values: rows })
      }
      return {
        ...down,
        // A write to cards or logs may add events: the events table joins its transaction.
        transaction: (stores, mode, options) =>
          down.transaction(
            mode === 'readwrite' &&
              stores.some((s) => JOURNALED.includes(s)) &&
              !stores.includes('cardEvents')
              ? [...stores, 'cardEvents']
              : stores,
            mode,
            options
          ),
        table: (name) => {
          const table = down.table(name)
          if (name === 'reviewLogs') return { ...table, mutate: (req) => logs(table, req) }
          if (name === 'cards') return { ...table, mutate: (req) => cards(table, req) }
          if (name === 'settings') return { ...table, mutate: (req) => settings(table, req) }
          return table
        }
      }

      async function logs(table: DBCoreTable, req: DBCoreMutateRequest) {
        if (req.type === 'add' || req.type === 'put') {
          const me = device()
          return table.mutate({
            ...req,
            values: req.values.map((row: ReviewLogRow) =>
              row.uid && row.device
                ? row
                : { ...row, uid: row.uid ?? newId(), device: row.device ?? me }
            )
          })
        }
        if (req.type === 'delete' && !importing.has(req.trans)) {
          // An undone review: the other devices must forget it too.
          const gone = (await table.getMany({ trans: req.trans, keys: req.keys })) as (
            ReviewLogRow | undefined
          )[]
          const me = device()
          const now = Date.now()
          await record(
            req.trans,
            gone
              .filter((log): log is ReviewLogRow => !!log?.uid && !!me)
              .map((log) => ({
                uid: newId(),
                cardId: log.cardId,
                kind: 'undo',
                at: now,
                device: me!,
                review: log.uid
              }))
          )
        }
        return table.mutate(req)
      }

      async function cards(table: DBCoreTable, req: DBCoreMutateRequest) {
        if (req.type !== 'put' || importing.has(req.trans) || !touchesFlags(req)) {
          return table.mutate(req)
        }
        const keys = req.keys ?? req.values.map((row: CardRow) => row.id)
        const before = (await table.getMany({ trans: req.trans, keys })) as (CardRow | undefined)[]
        const me = device()
        const now = Date.now()
        const changes: CardEventRow[] = []
        req.values.forEach((after: CardRow, i) => {
          const old = before[i]
          if (!old || !me) return
          const base = { cardId: after.id, at: now, device: me }
          if (old.suspended !== after.suspended) {
            changes.push({ ...base, uid: newId(), kind: after.suspended ? 'suspend' : 'unsuspend' })
          }
          // An answer lifts a bury by itself: only a bury or its undo is an event.
          if (old.buriedUntil !== after.buriedUntil && after.reps === old.reps) {
            changes.push({ ...base, uid: newId(), kind: 'bury', until: after.buriedUntil })
          }
        })
        await record(req.trans, changes)
        return table.mutate(req)
      }

      function settings(table: DBCoreTable, req: DBCoreMutateRequest) {
        if (req.type !== 'add' && req.type !== 'put') return table.mutate(req)
        const now = Date.now()
        const me = device()
        return table.mutate({
          ...req,
          values: req.values.map((row: { key: string; at?: number }) =>
            isSyncedSetting(row.key) && row.at === undefined ? { ...row, at: now, device: me } : row
          )
        })
      }
    }
  }
}

/** Whether a card write may change a flag (a write that names only other fields cannot). */
function touchesFlags(req: DBCoreMutateRequest & { type: 'put' }): boolean {
  const names = (spec: Record<string, unknown>) => 'suspended' in spec || 'buriedUntil' in spec
  if (req.changeSpec) return names(req.changeSpec)
  if (req.updates) return req.updates.changeSpecs.some(names)
  return true
}
