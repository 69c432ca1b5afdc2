// Keyboard-wedge readers (USB or Bluetooth) type the code and press Enter. Keys typed while no field
// has focus are collected; Enter hands the text over. A pause longer than a person's hesitation
// starts a new code, so stray keys never prefix the next scan.
const PAUSE_MS = 1500;
const TEXT_FIELDS = 'input:not([type=radio]):not([type=checkbox]):not([type=button]):not([type=submit]), textarea, select, [contenteditable]';

/** @param {(text: string) => void} onCode */
export function listenForWedge(onCode) {
  let buffer = '';
  let last = 0;
  document.addEventListener('keydown', (event) => {
    // A text field gets its own keys (its form submits on Enter); radios and buttons do not stop a reader.
    if (event.target instanceof Element && event.target.matches(TEXT_FIELDS)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const now = performance.now();
    if (now - last > PAUSE_MS) buffer = '';
    last = now;
    const typing = buffer.trim().length > 0;
    if (event.key === 'Enter') {
      const text = buffer;
      buffer = '';
      if (!typing) return;
      event.preventDefault(); // the reader's Enter must not also press a focused button
      onCode(text);
    } else if (event.key.length === 1) {
      if (event.key === ' ' && typing) event.preventDefault(); // no page scroll or button press mid-code
      buffer += event.key;
    }
  });
}
