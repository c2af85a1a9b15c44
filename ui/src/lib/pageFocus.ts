// Where focus goes after a page change: to the page's first heading, or to the page
// itself when it has none yet, so that Tab continues inside the page rather than from
// the sidebar. A page that has already put focus somewhere inside itself keeps it.

export function focusPageStart(page: HTMLElement): HTMLElement | null {
  if (page.contains(document.activeElement) && document.activeElement !== document.body) {
    return null;
  }
  const target = page.querySelector<HTMLElement>('h2, h3') ?? page;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  return target;
}
