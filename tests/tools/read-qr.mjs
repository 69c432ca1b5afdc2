// Reads the QR code in each PNG file named on the command line with zxing-wasm (zxing-cpp, the decoder the
// scanner app runs), as a second decoder for the .NET tests: ZXing.Net misses a few clean symbols that
// zxing-cpp and zbar read. Prints one JSON line per file: {"text", "topLeft", "topRight"} or {"text": null}.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasm = fs.readFileSync(path.join(root, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });

for (const file of process.argv.slice(2)) {
  const [found] = await readBarcodes(new Uint8Array(fs.readFileSync(file)), { formats: ['QRCode'], tryHarder: true });
  console.log(JSON.stringify(found ? { text: found.text, topLeft: found.position.topLeft, topRight: found.position.topRight } : { text: null }));
}
