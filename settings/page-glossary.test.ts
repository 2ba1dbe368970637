import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '@/core/settings';
import { readPageState } from './page-glossary';
import { pageSettings } from './index';

describe('what a frame reads to start', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads defaults, and null for what the background has not published yet', async () => {
    const state = await readPageState('example.org');
    expect(state.settings).toEqual({
      enabled: true,
      mode: DEFAULT_SETTINGS.highlightMode,
      enabledIds: [],
      dwellMs: DEFAULT_SETTINGS.dwellMs,
      timings: false,
      explainLang: 'auto',
      trigger: 'hover',
    });
    expect(state.compiled).toBeNull();
    expect(state.known).toBeNull();
  });

  it('reads the stored settings, glossary and known terms in one read, and applies the site switch', async () => {
    await fakeBrowser.storage.local.set({
      disabledSites: ['example.org'],
      highlightMode: 'first',
      everydayTermsOn: ['raad'],
      dwellMs: 500,
      explainLang: 'fr',
      tooltipTrigger: 'modifier',
      compiledGlossary: { format: 2, version: '1', base64: 'AAAA' },
      knownTerms: ['etias'],
    });
    let gets = 0;
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.get = (keys: never) => (gets++, get(keys));
    const here = await readPageState('example.org');
    expect(gets).toBe(1);
    expect(here.settings).toMatchObject({
      enabled: false,
      mode: 'first',
      enabledIds: ['raad'],
      dwellMs: 500,
      explainLang: 'fr',
      trigger: 'modifier',
    });
    expect(here.compiled).toEqual({ format: 2, version: '1', base64: 'AAAA' });
    expect(here.known).toEqual(['etias']);
    expect((await pageSettings('other.example')).enabled).toBe(true);
  });

  it('reads a value of the wrong shape as its default, or as not published', async () => {
    await fakeBrowser.storage.local.set({
      enabled: 'yes',
      dwellMs: -4,
      explainLang: 'it',
      tooltipTrigger: 'always',
      compiledGlossary: { base64: 5 },
      knownTerms: ['Not An Id!'],
    });
    const state = await readPageState('example.org');
    expect(state.settings.enabled).toBe(true);
    expect(state.settings.dwellMs).toBe(DEFAULT_SETTINGS.dwellMs);
    expect(state.settings.explainLang).toBe('auto');
    expect(state.settings.trigger).toBe('hover');
    expect(state.compiled).toBeNull();
    expect(state.known).toBeNull();
  });
});
