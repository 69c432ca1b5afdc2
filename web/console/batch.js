// Issuing a CSV file (POST /api/passes/batch, text/csv) as scripts/issue-csv.sh does (docs/bulk-issuance.md):
// every row keyed (the file's idempotencyKey column, or `<file digest>-<row>`), sent in chunks so the progress bar
// moves, a chunk that meets a network failure, a 5xx or a 429 sent again (its keys make that safe), and a stop
// that can be resumed. Results are shown per row of the file.
import { Refused, Unreachable } from '../shared/api.js';
import { $, el, table, download, problemText } from './ui.js';
import { decodeCsv, splitRecords, keyRows, fileDigest, chunkRows, chunkBody, toCsv } from './csv.js';

const TRIES = 4;
const CHUNK_TIMEOUT_MS = 120_000;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {{api: any, i18n: any}} ctx */
export function createBatchUpload({ api, i18n }) {
  let job = null; // {name, header, chunks, next, total, done, results: Map<number, result>, encoding, keyed, dayFirst}

  async function prepare(file, dayFirst) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { text, encoding } = decodeCsv(bytes);
    const { header, keyed, rows } = keyRows(splitRecords(text), await fileDigest(bytes));
    return { name: file.name, header, keyed, encoding, dayFirst, chunks: chunkRows(rows), next: 0, total: rows.length, done: 0, results: new Map(), texts: new Map(rows.map((r) => [r.number, r.source])) };
  }

  /** One chunk, tried again after a failure that a retry can mend; a refusal of the request itself is final. */
  async function send(chunk) {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await api.issueCsv(chunkBody(job.header, chunk), { dates: job.dayFirst ? 'day-first' : null }, CHUNK_TIMEOUT_MS)).json;
      } catch (e) {
        const again = e instanceof Unreachable || (e instanceof Refused && e.status === 429);
        if (!again || attempt === TRIES) throw e;
        progress(i18n.t('batch.retrying', { attempt: attempt + 1, tries: TRIES }));
        await wait(((e instanceof Refused && e.retryAfter) || 2 ** attempt) * 1000);
      }
    }
  }

  async function run() {
    // One sending at a time: a second click would send the same rows beside the first.
    const submit = $('batch-form').querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await sendAll();
    } finally {
      submit.disabled = false;
    }
  }

  async function sendAll() {
    $('batch-resume').hidden = true;
    $('batch-progress-box').hidden = false;
    progress();
    while (job.next < job.chunks.length) {
      const chunk = job.chunks[job.next];
      try {
        const answer = await send(chunk);
        for (const item of answer.items) job.results.set(chunk[item.index].number, item);
      } catch (e) {
        $('batch-status').textContent = i18n.t('batch.stopped', { why: problemText(i18n, e) });
        $('batch-resume').hidden = false;
        renderResults();
        return;
      }
      job.next++;
      job.done += chunk.length;
      progress();
    }
    renderResults();
  }

  function counts() {
    const c = { created: 0, existing: 0, failed: 0 };
    for (const r of job.results.values()) c[r.status] = (c[r.status] ?? 0) + 1;
    return c;
  }

  function progress(note = null) {
    $('batch-progress').max = Math.max(1, job.total);
    $('batch-progress').value = job.done;
    $('batch-progress-label').textContent = i18n.t('batch.progress', { done: i18n.number(job.done), total: i18n.number(job.total) });
    const c = counts();
    $('batch-status').textContent = note ?? i18n.t(job.done === job.total ? 'batch.finished' : 'batch.sending', {
      created: i18n.number(c.created), existing: i18n.number(c.existing), failed: i18n.number(c.failed), encoding: job.encoding,
    });
  }

  const statusText = (r) => i18n.t(`batch.status.${r.status}`);
  const errorText = (r) => (r.error ? [problemText(i18n, new Refused(r.error.status, r.error.code, r.error.title, {})),
    ...Object.entries(r.error.errors ?? {}).map(([field, m]) => `${field}: ${m.join(' ')}`)].join(' — ') : '');
  const shorten = (text) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

  function renderResults() {
    const rows = [...job.results.entries()].sort(([a], [b]) => a - b);
    const failed = rows.filter(([, r]) => r.status === 'failed');
    const columns = ['row', 'content', 'status', 'detail'].map((c) => i18n.t(`batch.col.${c}`));
    const line = ([n, r]) => [n, shorten(job.texts.get(n) ?? ''), statusText(r), r.id ? el('code', { text: r.id }) : errorText(r)];
    const csv = () => download(new Blob([toCsv(['row', 'status', 'id', 'code', 'message'],
      rows.map(([n, r]) => [n, r.status, r.id ?? '', r.error?.code ?? '', r.error ? errorText(r) : '']))], { type: 'text/csv;charset=utf-8' }), `${job.name.replace(/\.csv$/i, '')}-results.csv`);
    $('batch-results').replaceChildren(
      el('h3', { text: i18n.t('batch.failedHeading', { n: failed.length }) }),
      failed.length ? table(i18n.t('batch.failedHeading', { n: failed.length }), columns, failed.map(line)) : el('p', { class: 'muted', text: i18n.t('batch.noFailure') }),
      el('details', {}, [el('summary', { text: i18n.t('batch.allRows', { n: rows.length }) }), table(i18n.t('batch.allRows', { n: rows.length }), columns, rows.map(line))]),
      el('div', { class: 'actions' }, [el('button', { type: 'button', text: i18n.t('batch.download'), onclick: csv })]),
    );
  }

  $('batch-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = $('batch-file').files[0];
    if (!file) return;
    job = await prepare(file, $('batch-dayfirst').checked);
    $('batch-results').replaceChildren();
    await run();
  });
  $('batch-resume').addEventListener('click', () => run());

  return {
    relabel() {
      if (!job) return;
      progress();
      if (job.results.size > 0) renderResults();
    },
  };
}
