// The ACCESSPMC API from a page served by the same app: same origin, Bearer key, a deadline on every
// call. A network failure, a timeout or a 5xx is "unreachable" (the scanner then works offline);
// a 4xx is a refusal with the problem+json code.

/** The service could not answer (network, timeout, 5xx): fall back to offline work. */
export class Unreachable extends Error {}

/** The service answered with a refusal (4xx problem+json). */
export class Refused extends Error {
  constructor(status, code, title) {
    super(title ?? code ?? String(status));
    this.status = status;
    this.code = code;
  }
}

/**
 * @param {{key: string, base?: URL|string, timeoutMs?: number}} options base defaults to ../api/ of the page
 *   (pages live at <prefix>/scanner/, the API at <prefix>/api/)
 */
export function createApi({ key, base = new URL('../api/', document.baseURI), timeoutMs = 4000 }) {
  async function call(method, path, body) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      throw new Unreachable(e?.name === 'AbortError' ? 'timeout' : 'network');
    } finally {
      clearTimeout(timer);
    }
    if (response.status >= 500) throw new Unreachable(`HTTP ${response.status}`);
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Refused(response.status, json?.code, json?.title);
    const date = Date.parse(response.headers.get('Date') ?? '');
    return { json, serverDate: Number.isNaN(date) ? null : date };
  }

  return {
    me: () => call('GET', 'me'),
    keys: () => call('GET', 'keys'),
    revocations: (since) => call('GET', `revocations${since ? `?since=${encodeURIComponent(since)}` : ''}`),
    verify: (code, site, direction) => call('POST', 'verify', { code, site, direction }),
    uploadScans: (scans) => call('POST', 'scans', { scans }),
  };
}
