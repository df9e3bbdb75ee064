/** Sync through a folder: the panel Progress shows, and the service the app starts once. */
export { default as SyncPanel } from './SyncPanel.svelte'
export { sync } from './sync-service.svelte'
