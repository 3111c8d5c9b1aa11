export const HTML_LIMITED_BOTS: RegExp;
