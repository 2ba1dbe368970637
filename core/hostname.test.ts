import { describe, expect, it } from 'vitest';
import { topFrameHostname } from './hostname';

const frame = { isTop: false, hostname: 'frame.example', referrer: '' };

describe('topFrameHostname', () => {
  it("is a top frame's own hostname, whatever referred it", () => {
    expect(
      topFrameHostname({ isTop: true, hostname: 'news.example', referrer: 'https://search.example/?q=etias' }),
    ).toBe('news.example');
    expect(topFrameHostname({ isTop: true, hostname: 'news.example', ancestorOrigins: [], referrer: '' })).toBe(
      'news.example',
    );
  });

  it('takes the outermost ancestor origin (Chromium), over the referrer', () => {
    expect(
      topFrameHostname({
        ...frame,
        ancestorOrigins: ['https://middle.example', 'https://top.example:8443'],
        referrer: 'https://middle.example/page',
      }),
    ).toBe('top.example');
  });

  it('takes the referrer where there are no ancestor origins (Firefox)', () => {
    expect(topFrameHostname({ ...frame, referrer: 'http://127.0.0.1:4173/hl-frames.html' })).toBe('127.0.0.1');
    expect(topFrameHostname({ ...frame, ancestorOrigins: [], referrer: 'https://top.example/a' })).toBe('top.example');
  });

  it('gives the ASCII form of an internationalised name, as location.hostname does', () => {
    expect(topFrameHostname({ ...frame, referrer: 'https://bücher.example/' })).toBe('xn--bcher-kva.example');
  });

  it('falls back to its own hostname with nothing to go on', () => {
    expect(topFrameHostname({ ...frame, referrer: '' })).toBe('frame.example');
  });

  it('falls back to its own hostname when the outer origin is no URL (a sandboxed "null" origin, garbage)', () => {
    expect(topFrameHostname({ ...frame, ancestorOrigins: ['null'], referrer: 'https://top.example/' })).toBe(
      'frame.example',
    );
    expect(topFrameHostname({ ...frame, referrer: 'not a url' })).toBe('frame.example');
  });
});
