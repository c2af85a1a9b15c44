// Layout and focus checks run inside the real window: what is cut off at the right edge,
// and where Tab goes. Each returns plain data, so a failing assertion names the element.
import { Key } from './webdriver.mjs';

/** What sticks out to the right: the document or the page's scroll boxes wider than
 *  they are shown, and each visible element in `main` whose right edge is beyond the
 *  window's, unless a box of its own inside the page scrolls it (a wide table in its
 *  card may scroll; the page may not be cut). Only the outermost offender is named. */
export async function clipped(s) {
  return s.execute(`
    const width = document.documentElement.clientWidth;
    const name = (el) => {
      const cls = [...el.classList].slice(0, 2).map((c) => '.' + c).join('');
      const id = el.id ? '#' + el.id : '';
      const test = el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : '';
      const text = (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      return el.tagName.toLowerCase() + id + cls + test + (text ? ' “' + text + '”' : '');
    };
    const problems = [];
    for (const [label, box] of [['document', document.documentElement], ['main', document.querySelector('main')], ['page', document.querySelector('main .page')]]) {
      if (!box || box.scrollWidth <= box.clientWidth) continue;
      // Name what reaches past the box's edge, deepest last.
      const edge = box.getBoundingClientRect().left + box.clientWidth + 0.5;
      const past = [...box.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > edge).slice(-2).map(name);
      problems.push(label + ' scrolls sideways: ' + box.scrollWidth + ' > ' + box.clientWidth + (past.length ? ' (' + past.join('; ') + ')' : ''));
    }
    const page = document.querySelector('main');
    const scrolledInPage = (el) => {
      for (let a = el.parentElement; a && a !== page; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return a.getBoundingClientRect().right <= width + 0.5;
        if (o === 'hidden' || o === 'clip') return false;
      }
      return false;
    };
    const offenders = new Set();
    for (const el of page.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 0.5) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      // Inside an <svg> is a drawing in its own viewport (the map pans): the svg is checked.
      if (el.closest('.sr-only, dialog:not([open])') || el.parentElement.closest('svg')) continue;
      if (scrolledInPage(el)) continue;
      let parent = el.parentElement, inside = false;
      for (; parent; parent = parent.parentElement) if (offenders.has(parent)) { inside = true; break; }
      offenders.add(el);
      if (!inside) problems.push(name(el) + ' ends at ' + Math.round(r.right) + ' px, the window at ' + width);
    }
    return problems;
  `);
}

/** What is cut short inside the page though the page itself is not: a table's scroll box
 *  that has to scroll sideways to show its last column (the activities' Delete), and a
 *  select too narrow for the choice it shows (“Demonstrated in an exe…”). */
export async function cutInside(s) {
  return s.execute(`
    const problems = [];
    for (const box of document.querySelectorAll('main .table-wrap')) {
      if (box.scrollWidth > box.clientWidth + 1) problems.push('a table scrolls sideways: ' + box.scrollWidth + ' > ' + box.clientWidth);
    }
    const ctx = document.createElement('canvas').getContext('2d');
    for (const select of document.querySelectorAll('main select')) {
      const r = select.getBoundingClientRect();
      const option = select.selectedOptions[0];
      if (r.width === 0 || !option) continue;
      const style = getComputedStyle(select);
      ctx.font = style.font;
      // The text, its padding and about 20 px for the arrow must fit.
      const needed = ctx.measureText(option.text).width + parseFloat(style.paddingLeft) + 20;
      if (needed > select.clientWidth) problems.push('select#' + select.id + ' cuts “' + option.text + '”: ' + Math.round(needed) + ' > ' + select.clientWidth);
    }
    return problems;
  `);
}

/** The page's own tab stops, in order, as names; focus is where the walk starts. */
export async function tabStops(s) {
  return s.execute(`
    const page = document.querySelector('main .page');
    const all = [...page.querySelectorAll('a[href], button, input, select, textarea, [tabindex], summary, [contenteditable=true]')];
    return all.filter((el) => {
      if (el.disabled || el.tabIndex < 0 || el.closest('[inert], fieldset:disabled')) return false;
      if (el.type === 'radio' && el.name) {
        const group = [...page.querySelectorAll('input[type=radio]')].filter((r) => r.name === el.name && r.form === el.form);
        if (!(el.checked || (!group.some((r) => r.checked) && group[0] === el))) return false;
      }
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      return getComputedStyle(el).visibility !== 'hidden';
    }).filter((el) => document.activeElement.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
      .map((el) => el.outerHTML.slice(0, 90));
  `);
}

/** Presses Tab until focus leaves the page (or `limit` presses); returns each element
 *  focused on the way, and where focus went after the page. Radio groups take one stop. */
export async function walkTab(s, limit = 400) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await s.chord(Key.Tab);
    const here = await s.execute(`
      const el = document.activeElement;
      const inPage = !!el && !!el.closest('main .page');
      const where = el?.closest('nav.sidebar') ? 'sidebar' : el?.closest('main') ? (inPage ? 'page' : 'header') : 'elsewhere';
      return { where, html: el ? el.outerHTML.slice(0, 90) : '' };
    `);
    if (here.where !== 'page') return { seen, after: here };
    seen.push(here.html);
  }
  return { seen, after: null };
}

/** Every visible piece of text smaller than 24 px, described: run it with `s.execute`
 *  in a window meant for the back of a room (presenter view, incident room). */
export const SMALL_TEXT = `
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 24) small.push(el.tagName.toLowerCase() + ' "' + text.slice(0, 30) + '" ' + size + 'px');
  }
  return small;`;
