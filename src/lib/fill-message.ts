/**
 * Fills a message's simple placeholders ("{size}") in the browser, where no next-intl runtime runs: the texts come
 * from the server as props, raw. Only for messages without plural or select forms.
 */
export const fillMessage = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
