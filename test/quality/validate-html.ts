import {HtmlValidate, StaticConfigLoader, type ConfigData} from 'html-validate'

/**
 * The HTML rules every page must pass: html-validate's `recommended` preset
 * (validity, accessibility, security and the project's own best practice)
 * plus `document` (rules for whole documents, such as a `<title>` and `lang`).
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Off: SRI guards files loaded from other hosts; every page loads only its own site's files (the CSP says 'self').
    'require-sri': 'off',
    // Off: `<!doctype html>` in lower case is valid HTML; the rule is about style only.
    'doctype-style': 'off',
    // Off: a title is the article's headline and the site's name; 70 characters is a search-engine guideline, not validity.
    'long-title': 'off',
    // Off: spaces at a line's end inside a paragraph come from the author's text and change nothing on the page; the rule is about source style.
    'no-trailing-whitespace': 'off',
    // Relaxed: naming any element that may be named (a list named "Topics") is allowed by ARIA in HTML and read by screen readers.
    'aria-label-misuse': ['error', {allowAnyNamable: true}],
  },
}

const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig))

/** One HTML problem: where, which rule, and what. */
export interface HtmlProblem {
  readonly line: number
  readonly column: number
  readonly rule: string
  readonly message: string
}

/** Validate one HTML document; an empty list means valid. */
export function validateHtml(html: string, name: string): HtmlProblem[] {
  const report = validator.validateStringSync(html, name)
  return report.results.flatMap((result) => result.messages.map((message) => ({line: message.line, column: message.column, rule: message.ruleId, message: message.message})))
}
