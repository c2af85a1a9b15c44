import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { openLink: vi.fn() } };
});

import { api } from '$lib/api';
import { toasts } from '$lib/toasts.svelte';
import { externalLinks } from './links';

/** Rendered Markdown in a container with the action on it. */
function preview(html: string) {
  const node = document.createElement('div');
  node.innerHTML = html;
  document.body.append(node);
  const action = externalLinks(node);
  return { node, action };
}

function click(target: Element, init: MouseEventInit = {}, type = 'click'): MouseEvent {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('links in rendered Markdown', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.openLink).mockResolvedValue(null);
    document.body.innerHTML = '';
  });

  it('opens web and mail links through the core and never follows them here', () => {
    const { node } = preview(
      '<p>See <a href="https://example.org/runbook"><strong>the runbook</strong></a>, ' +
        '<a href="http://intranet/plan">the intranet</a> or <a href="mailto:ops@example.org">mail us</a>.</p>',
    );
    const links = node.querySelectorAll('a');
    // A click on text inside the link counts as a click on the link.
    expect(click(node.querySelector('strong')!).defaultPrevented).toBe(true);
    expect(click(links[1]).defaultPrevented).toBe(true);
    expect(click(links[2]).defaultPrevented).toBe(true);
    expect(vi.mocked(api.openLink).mock.calls).toEqual([['https://example.org/runbook'], ['http://intranet/plan'], ['mailto:ops@example.org']]);
  });

  it('refuses other schemes with a message, and does not navigate either', () => {
    const shown = vi.spyOn(toasts, 'show');
    const { node } = preview(
      '<a href="file:///etc/passwd">a</a><a href="javascript:alert(1)">b</a><a href="#top">c</a><a href="other.html">d</a>',
    );
    for (const link of node.querySelectorAll('a')) expect(click(link).defaultPrevented).toBe(true);
    expect(api.openLink).not.toHaveBeenCalled();
    expect(shown).toHaveBeenCalledTimes(4);
    expect(shown.mock.calls[0][0]).toContain('file:///etc/passwd');
  });

  it('keeps a middle click from opening a window too', () => {
    const { node } = preview('<a href="https://example.org/">x</a>');
    const event = click(node.querySelector('a')!, { button: 1 }, 'auxclick');
    expect(event.defaultPrevented).toBe(true);
    expect(api.openLink).toHaveBeenCalledWith('https://example.org/');
  });

  it('leaves clicks outside links alone, and stops listening when removed', () => {
    const { node, action } = preview('<p>Plain <em>text</em></p><a href="https://example.org/">x</a>');
    expect(click(node.querySelector('em')!).defaultPrevented).toBe(false);
    action.destroy();
    click(node.querySelector('a')!);
    expect(api.openLink).not.toHaveBeenCalled();
  });
});
