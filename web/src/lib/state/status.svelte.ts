/**
 * The page's one status line (Share link, Export PNG): announced to screen readers and shown for a
 * few seconds by components/StatusToast.svelte. Shared state, so any control can report to it.
 */
export const statusLine = $state({ text: '' });

export function say(text: string): void {
  statusLine.text = text;
}
