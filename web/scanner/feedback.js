// Sound and vibration that tell valid from refused without looking: one high beep, or two low ones.
let audio = null;

/** Browsers start audio only after a gesture: call on the first tap or key. */
export function unlockAudio() {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') audio.resume();
  } catch {
    audio = null;
  }
}

/** Whether verdicts can beep yet (false until the first tap or key since the app opened). */
export const audioReady = () => audio?.state === 'running';

function beep(at, frequency, seconds, type) {
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.25, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
  osc.connect(gain).connect(audio.destination);
  osc.start(at);
  osc.stop(at + seconds);
}

/** @param {boolean} valid */
export function signal(valid) {
  navigator.vibrate?.(valid ? 120 : [300, 120, 300]);
  if (!audio || audio.state !== 'running') return;
  const now = audio.currentTime;
  if (valid) {
    beep(now, 1320, 0.18, 'sine');
  } else {
    beep(now, 220, 0.25, 'square');
    beep(now + 0.35, 220, 0.25, 'square');
  }
}
