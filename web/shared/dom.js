// DOM helpers of the web apps. Text from the network only ever goes in as textContent or attribute values,
// never as HTML.

/**
 * An element: `attrs` become attributes (`text` its text; `on<event>` listeners; false/null are left out).
 * @param {string} tag @param {Record<string, any>} [attrs] @param {(Node|string)[]} [children]
 */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/**
 * A data table: `columns` are header texts, `rows` arrays of cells (text, number or Node). The caption names it
 * for screen readers; numbers are right-aligned.
 */
export function table(caption, columns, rows, { captionHidden = true } = {}) {
  const cell = (tag, value) => el(tag, { class: typeof value === 'number' ? 'num' : null, scope: tag === 'th' ? 'col' : null },
    [value instanceof Node ? value : String(value ?? '')]);
  return el('div', { class: 'table-wrap' }, [el('table', {}, [
    el('caption', { class: captionHidden ? 'visually-hidden' : null, text: caption }),
    el('thead', {}, [el('tr', {}, columns.map((c) => cell('th', c)))]),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((v) => cell('td', v))))),
  ])]);
}
