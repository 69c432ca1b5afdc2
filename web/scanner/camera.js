// Continuous QR decoding from the camera: the browser's own BarcodeDetector where it reads QR codes
// (Android Chrome), otherwise zxing-wasm's reader, whose .wasm this app serves itself (never a CDN).
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

/* global __ZXING_WASM__ */
const MAX_SIDE = 960; // larger frames cost decode time and gain nothing for a code held at the gate

prepareZXingModule({
  overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? new URL(__ZXING_WASM__, document.baseURI).href : prefix + path) },
  fireImmediately: false,
});

async function nativeDetector() {
  if (!('BarcodeDetector' in globalThis)) return null;
  try {
    const formats = await globalThis.BarcodeDetector.getSupportedFormats();
    return formats.includes('qr_code') ? new globalThis.BarcodeDetector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/**
 * @param {HTMLVideoElement} video
 * @param {(text: string) => void} onCode called with each decoded text (the caller debounces)
 */
export function createCamera(video, onCode) {
  let stream = null;
  let running = false;
  let deviceIndex = -1;
  let detector;
  let firstFrame = true;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  async function decode() {
    if (detector) return (await detector.detect(video)).map((b) => b.rawValue);
    const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const results = await readBarcodes(context.getImageData(0, 0, canvas.width, canvas.height), { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
    return results.filter((r) => r.isValid).map((r) => r.text);
  }

  function schedule() {
    if (!running) return;
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(tick);
    else setTimeout(tick, 80);
  }

  async function tick() {
    if (!running) return;
    if (video.videoWidth > 0) {
      if (firstFrame) {
        firstFrame = false;
        performance.mark('scanner:first-frame');
      }
      try {
        for (const text of await decode()) onCode(text);
      } catch (e) {
        console.warn('decode failed', e?.name);
      }
    }
    schedule();
  }

  async function videoDevices() {
    return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  }

  async function open(constraints) {
    stop();
    stream = await navigator.mediaDevices.getUserMedia({ video: constraints, audio: false });
    video.srcObject = stream;
    await video.play();
    detector ??= await nativeDetector();
    running = true;
    schedule();
  }

  function stop() {
    running = false;
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
  }

  return {
    /** Rear camera by default. Throws when there is no camera or permission is refused. */
    start: () => open({ facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } }),
    stop,
    get running() { return running; },
    /** Next camera of the device, in the browser's order. */
    async switchCamera() {
      const devices = await videoDevices();
      if (devices.length < 2) return;
      const current = stream?.getVideoTracks()[0]?.getSettings().deviceId;
      deviceIndex = (Math.max(devices.findIndex((d) => d.deviceId === current), deviceIndex) + 1) % devices.length;
      await open({ deviceId: { exact: devices[deviceIndex].deviceId } });
    },
    async hasSeveralCameras() { return (await videoDevices()).length > 1; },
    /** True when the current camera has a torch. */
    torchAvailable() {
      const track = stream?.getVideoTracks()[0];
      return Boolean(track?.getCapabilities?.().torch);
    },
    async setTorch(on) {
      await stream?.getVideoTracks()[0]?.applyConstraints({ advanced: [{ torch: on }] });
    },
  };
}
