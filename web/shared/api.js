// The ACCESSPMC API from a page served by the same app: same origin, Bearer key, a deadline on every
// call. A network failure, a timeout or a 5xx is "unreachable" (the scanner then works offline; the
// console says so); a 4xx is a refusal with the problem+json code, detail and per-field errors.

/** The service could not answer (network, timeout, 5xx): fall back to offline work, or retry later. */
export class Unreachable extends Error {
  constructor(message, status = null) {
    super(message);
    this.status = status;
  }
}

/** The service answered with a refusal (4xx problem+json): `errors` maps a field to its messages. */
export class Refused extends Error {
  constructor(status, code, title, problem = null) {
    super(title ?? code ?? String(status));
    this.status = status;
    this.code = code;
    this.detail = problem?.detail ?? null;
    this.errors = problem?.errors ?? {};
    this.retryAfter = problem?.retryAfter ?? null;
  }
}

/** `?a=1&b=2` from the members that are neither null, undefined nor empty. */
export function query(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return pairs.length ? `?${new URLSearchParams(pairs.map(([k, v]) => [k, String(v)]))}` : '';
}

/**
 * @param {{key: string, base?: URL|string, timeoutMs?: number}} options base defaults to ../api/ of the page
 *   (pages live at <prefix>/scanner/ or <prefix>/console/, the API at <prefix>/api/)
 */
export function createApi({ key, base = new URL('../api/', document.baseURI), timeoutMs = 4000 }) {
  /**
   * One request. `body` is sent as JSON, or as is with `contentType`; `as: 'blob'` answers the body as a Blob.
   * @returns {Promise<{json?: any, blob?: Blob, status: number, headers: Headers, serverDate: number|null}>}
   */
  async function request(method, path, { body, contentType, headers = {}, as = 'json', timeout = timeoutMs } = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    const raw = contentType !== undefined;
    let response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body !== undefined ? { 'Content-Type': raw ? contentType : 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      if (response.status >= 500) throw new Unreachable(`HTTP ${response.status}`, response.status);
      const ok = response.ok;
      const answer = ok && as === 'blob' ? { blob: await response.blob() } : { json: await response.json().catch(() => null) };
      if (!ok) {
        const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
        throw new Refused(response.status, answer.json?.code, answer.json?.title, { ...answer.json, retryAfter: Number.isNaN(retryAfter) ? null : retryAfter });
      }
      const date = Date.parse(response.headers.get('Date') ?? '');
      return { ...answer, status: response.status, headers: response.headers, serverDate: Number.isNaN(date) ? null : date };
    } catch (e) {
      if (e instanceof Refused || e instanceof Unreachable) throw e;
      throw new Unreachable(e?.name === 'AbortError' ? 'timeout' : 'network');
    } finally {
      clearTimeout(timer);
    }
  }

  const call = (method, path, body) => request(method, path, { body });
  const id = encodeURIComponent;

  return {
    request,
    me: () => call('GET', 'me'),
    keys: () => call('GET', 'keys'),
    revocations: (since) => call('GET', `revocations${query({ since })}`),
    verify: (code, site, direction) => call('POST', 'verify', { code, site, direction }),
    uploadScans: (scans) => call('POST', 'scans', { scans }),
    // The console's calls (docs/console.md).
    stats: (params) => call('GET', `stats${query(params)}`),
    anomalies: (params) => call('GET', `anomalies${query(params)}`),
    passes: (params) => call('GET', `passes${query(params)}`),
    pass: (passId) => call('GET', `passes/${id(passId)}`),
    issue: (pass, idempotencyKey) => request('POST', 'passes', { body: pass, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} }),
    issueCsv: (csv, params, timeout) => request('POST', `passes/batch${query(params)}`, { body: csv, contentType: 'text/csv; charset=utf-8', timeout }),
    revoke: (passId, reason) => call('POST', `passes/${id(passId)}/revoke`, { reason }),
    document: (passId, layout, lang) => request('GET', `passes/${id(passId)}/document${query({ layout, lang })}`, { as: 'blob', timeout: 30000 }),
    documents: (ids, layout, lang) => request('POST', 'passes/documents', { body: { ids, layout, lang }, as: 'blob', timeout: 120000 }),
    clients: () => call('GET', 'clients'),
    createClient: (client) => call('POST', 'clients', client),
    disableClient: (clientId) => call('POST', `clients/${id(clientId)}/disable`),
    rotateClient: (clientId) => call('POST', `clients/${id(clientId)}/rotate`),
    presence: (site) => call('GET', `sites/${id(site)}/presence`),
    /** The roll-call for a spreadsheet: semicolons for French spreadsheets, commas otherwise. */
    presenceCsv: (site, separator = 'comma') => request('GET', `sites/${id(site)}/presence?format=csv&separator=${separator}`, { as: 'blob' }),
  };
}
