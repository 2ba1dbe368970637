import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { t } from './t';

describe('t', () => {
  it('falls back to the bundled English, substitutions included, when the browser answers ""', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(t('appTitle')).toBe('Benelux Glossary');
    expect(t('popupOnHere', 'nos.nl')).toBe('On for nos.nl');
    expect(t('glossaryImported', ['1', '2', '3'])).toBe('Imported: 1 new, 2 updated, 3 kept (yours were newer).');
  });
  it("uses the browser's message when there is one", () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Benelux-woordenlijst');
    expect(t('appTitle')).toBe('Benelux-woordenlijst');
  });
});
