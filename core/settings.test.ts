import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, dwellFromInput, parseSetting, tooltipKeyName } from './settings';

describe('how a tooltip is asked for', () => {
  it('is on hover unless the reader chose a stored mode', () => {
    expect(DEFAULT_SETTINGS.tooltipTrigger).toBe('hover');
    expect(parseSetting('tooltipTrigger', 'click')).toBe('click');
    expect(parseSetting('tooltipTrigger', 'modifier')).toBe('modifier');
    expect(parseSetting('tooltipTrigger', 'Alt')).toBe('hover');
    expect(parseSetting('tooltipTrigger', undefined)).toBe('hover');
  });

  it('names the tooltip key as its keycap does: Option on a Mac, else Alt', () => {
    expect(tooltipKeyName('MacIntel')).toBe('⌥ Option');
    expect(tooltipKeyName('iPad')).toBe('⌥ Option');
    expect(tooltipKeyName('Win32')).toBe('Alt');
    expect(tooltipKeyName('Linux x86_64')).toBe('Alt');
    expect(tooltipKeyName('')).toBe('Alt');
  });

  it('keeps the dwell within 0–5000 ms, whole milliseconds', () => {
    expect(parseSetting('dwellMs', 800)).toBe(800);
    expect(parseSetting('dwellMs', 0)).toBe(0);
    for (const bad of [-1, 5_001, 12.5, '300']) expect(parseSetting('dwellMs', bad)).toBe(DEFAULT_SETTINGS.dwellMs);
  });

  it('takes a typed dwell as whole milliseconds within the range the setting accepts', () => {
    expect(dwellFromInput(450)).toBe(450);
    expect(dwellFromInput(449.6)).toBe(450);
    expect(dwellFromInput(-20)).toBe(0);
    expect(dwellFromInput(99_999)).toBe(5_000);
    expect(dwellFromInput(Number.NaN)).toBeNull();
    for (const typed of [0, 1, 449.6, 5_000, 99_999]) {
      expect(parseSetting('dwellMs', dwellFromInput(typed))).toBe(dwellFromInput(typed));
    }
  });
});
