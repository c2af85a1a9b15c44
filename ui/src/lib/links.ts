// Links in rendered Markdown (a plan's sections): a click opens the link in the system's
// browser or mail program, through the core, which allows http, https and mailto only.
// The app's own window never follows a link (the core refuses that navigation too).
import { api } from '$lib/api';
import { attempt } from '$lib/errors';
import { toasts } from '$lib/toasts.svelte';

const openable = /^(https?:|mailto:)/i;

/** Handles a click (or middle click) inside rendered Markdown. */
export function onLinkClick(event: MouseEvent): void {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link) return;
  event.preventDefault();
  const href = (link.getAttribute('href') ?? '').trim();
  if (event.type === 'auxclick' && event.button !== 1) return;
  if (!openable.test(href)) {
    toasts.show(`Only web (http, https) and e-mail (mailto) links open from a plan; “${href}” was not opened.`, 'error');
    return;
  }
  void attempt(() => api.openLink(href));
}

/** `use:externalLinks` on an element holding rendered Markdown. */
export function externalLinks(node: HTMLElement): { destroy: () => void } {
  node.addEventListener('click', onLinkClick);
  node.addEventListener('auxclick', onLinkClick);
  return {
    destroy: () => {
      node.removeEventListener('click', onLinkClick);
      node.removeEventListener('auxclick', onLinkClick);
    },
  };
}
