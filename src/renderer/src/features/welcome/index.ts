/** The first-launch welcome, mounted once by the shell. */
export { default as Welcome } from './Welcome.svelte'
export { WELCOME_SETTING, welcomeFacts } from './welcome'
