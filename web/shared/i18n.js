// One string catalogue per language (JSON, French first); {name} placeholders, and {name|one|other} for a word
// that agrees with the count in `name` (Intl.PluralRules: French "0 créé, 1 créé, 2 créés", English "1 row, 0 rows").
// DOM elements say which string they show with data-i18n (text), data-i18n-label (aria-label) or data-i18n-placeholder.

/**
 * @param {Record<string, Record<string, string>>} catalogues by language code; the first one is the default
 * @param {string} [lang] the language to start with (falls back to the default)
 */
export function createI18n(catalogues, lang) {
  const languages = Object.keys(catalogues);
  let current = languages.includes(lang) ? lang : languages[0];

  const t = (key, vars = {}) => {
    const text = catalogues[current][key] ?? catalogues[languages[0]][key] ?? key;
    const plural = new Intl.PluralRules(current === 'fr' ? 'fr-FR' : 'en-GB');
    return text
      .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name, one, other) => (plural.select(Number(vars[name])) === 'one' ? one : other))
      .replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
  };

  const apply = (root = document) => {
    document.documentElement.lang = current;
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  };

  return {
    t,
    apply,
    get lang() { return current; },
    /** The language after this one, for a two-language switch. */
    get next() { return languages[(languages.indexOf(current) + 1) % languages.length]; },
    set(language) { if (languages.includes(language)) current = language; },
    /** The BCP 47 locale of this language, for Intl formats. */
    get locale() { return current === 'fr' ? 'fr-FR' : 'en-GB'; },
    /** A date and time as people of this language write it, in `timeZone` (IANA id) or the browser's zone. */
    dateTime(date, timeZone) {
      return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
    },
    /** A count with this language's digit grouping (12 345 / 12,345). */
    number(n) { return new Intl.NumberFormat(this.locale).format(n); },
    /** "3 min ago" from an age in milliseconds. */
    age(ms) {
      const minutes = Math.floor(Math.max(0, ms) / 60000);
      if (minutes < 1) return t('age.now');
      if (minutes < 60) return t('age.minutes', { n: minutes });
      if (minutes < 48 * 60) return t('age.hours', { n: Math.floor(minutes / 60) });
      return t('age.days', { n: Math.floor(minutes / 1440) });
    },
  };
}
