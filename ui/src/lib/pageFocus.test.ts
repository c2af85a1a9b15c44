import { describe, expect, it } from 'vitest';
import { focusPageStart } from './pageFocus';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<nav><button id="side">Overview</button></nav><div id="page">${html}</div>`;
  (document.getElementById('side') as HTMLElement).focus();
  return document.getElementById('page') as HTMLElement;
}

describe('focusPageStart', () => {
  it('moves focus from the sidebar to the page heading', () => {
    const box = page('<p>intro</p><h2>Plans</h2><input id="name" />');
    focusPageStart(box);
    expect(document.activeElement?.textContent).toBe('Plans');
    expect((document.activeElement as HTMLElement).tabIndex).toBe(-1);
  });

  it('focuses the page itself when it has no heading yet', () => {
    const box = page('<button>Map</button>');
    focusPageStart(box);
    expect(document.activeElement).toBe(box);
  });

  it('leaves focus where the page put it', () => {
    const box = page('<h2>Interview</h2><input id="picker" />');
    (document.getElementById('picker') as HTMLElement).focus();
    expect(focusPageStart(box)).toBeNull();
    expect(document.activeElement?.id).toBe('picker');
  });
});
