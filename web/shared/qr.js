// A QR code drawn in the page (uqr), never fetched: what it holds (an enrolment key) stays in the browser.
import { encode } from 'uqr';

/** Draws `text` on `canvas` at error correction M with a 4-module quiet zone, `scale` pixels a module. */
export function drawQr(canvas, text, scale = 8) {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  canvas.width = size * scale;
  canvas.height = size * scale;
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000';
  data.forEach((row, y) => row.forEach((dark, x) => { if (dark) context.fillRect(x * scale, y * scale, scale, scale); }));
}
