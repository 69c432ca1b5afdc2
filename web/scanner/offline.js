// When the service cannot answer: may this phone give a verdict on its own, and which one?
// docs/scanner.md "Offline": never synced, a wrong clock or a revocation list past the hard limit
// refuse to verify (what fresh data would not change is still shown); past the warning age the
// verdict carries a warning; the list's age is always shown.
import { verifyCode, readCode } from '../shared/passcode.js';
import { damageHint, plusForSpaces } from '../shared/normalise.js';

// Refusals that no newer key set or revocation list could turn into "valid".
const DATA_INDEPENDENT = new Set(['malformed', 'bad_signature', 'expired', 'not_yet_valid', 'wrong_site']);

/**
 * @param {string} code normalised code
 * @param {{site: string, now: number, policy: {clockSkewSeconds: number, revocationsWarnAfterSeconds: number, revocationsRefuseAfterSeconds: number},
 *          data: {keys: Map<string, CryptoKey>, revoked: Map<string, number>, syncedAt: number|null, clockOffsetMs: number|null}}} context
 * @returns {Promise<{kind: 'verdict', result: string, reason: string|null, claims: object|null, hint: string|null, revocationsAgeMs: number, revocationsOld: boolean}
 *                  |{kind: 'cannot', why: 'never_synced'|'clock'|'stale', ageMs?: number}>}
 */
export async function verifyOffline(code, { site, now, policy, data }) {
  if (!data.syncedAt || data.keys.size === 0) return { kind: 'cannot', why: 'never_synced' };
  const skewMs = policy.clockSkewSeconds * 1000;
  // A clock reset (flat battery) can put "now" before the last sync: that is a wrong clock too.
  if (Math.abs(data.clockOffsetMs ?? 0) > skewMs || now < data.syncedAt - skewMs) return { kind: 'cannot', why: 'clock' };

  const verdict = await verifyCode(code, { keys: data.keys, site, now, skewSeconds: policy.clockSkewSeconds, revoked: data.revoked });
  const ageMs = now - data.syncedAt;
  if (ageMs > policy.revocationsRefuseAfterSeconds * 1000 && !DATA_INDEPENDENT.has(verdict.reason)) {
    return { kind: 'cannot', why: 'stale', ageMs };
  }
  return {
    kind: 'verdict',
    ...verdict,
    hint: await hintFor(code, verdict.reason, data.keys),
    revocationsAgeMs: ageMs,
    revocationsOld: ageMs > policy.revocationsWarnAfterSeconds * 1000,
  };
}

// Advice only: the verdict stays what the code as read deserves.
async function hintFor(code, reason, keys) {
  // As the service does: a '+' read as a space in the key id makes the key unknown, not the code forged.
  if (reason !== 'malformed' && reason !== 'bad_signature' && reason !== 'unknown_key') return null;
  const named = damageHint(code);
  if (named) return named;
  for (const candidate of plusForSpaces(code)) {
    if ((await readCode(candidate, keys)).claims) return 'plus_as_space';
  }
  return null;
}

/** Drops revocations whose pass can no longer be valid anywhere (validUntil + skew is past). */
export function pruneRevocations(revoked, now, skewSeconds) {
  for (const [id, validUntil] of revoked) if (validUntil + skewSeconds * 1000 < now) revoked.delete(id);
  return revoked;
}
