import type en from '@/public/_locales/en/messages.json';

/** A key of public/_locales/en/messages.json: a missing translation is a type error. */
export type MessageKey = keyof typeof en;

/** All user-visible text goes through browser.i18n, so every string exists in en and nl. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}
