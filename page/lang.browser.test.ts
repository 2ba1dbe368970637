import { afterEach, describe, expect, it } from 'vitest';
import { nearestLang } from './lang';
import { byId, mount } from '@/test/browser/dom';

const firstText = (el: Node): Text => {
  const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
  if (!text) throw new Error('no text');
  return text as Text;
};

describe('nearestLang: the language a term stands in', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    document.body.replaceChildren();
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
  });

  it('is the nearest element’s lang, else the page’s', () => {
    document.documentElement.setAttribute('lang', 'en');
    mount('<div lang="nl"><p id="nl">Het <b>NSEC</b></p></div><p id="page">The NSEC</p>');
    expect(nearestLang(firstText(byId('nl').querySelector('b')!))).toBe('nl');
    expect(nearestLang(firstText(byId('page')))).toBe('en');
    expect(nearestLang(byId('nl'))).toBe('nl');
  });

  it('keeps the tag as written (region, case) and an explicit lang="" as unknown', () => {
    document.documentElement.setAttribute('lang', 'nl');
    mount('<p id="be" lang="fr-BE">ETIAS</p><p id="unknown" lang="">ETIAS</p>');
    expect(nearestLang(firstText(byId('be')))).toBe('fr-BE');
    expect(nearestLang(firstText(byId('unknown')))).toBe('');
  });

  it('crosses shadow roots to the host’s language', () => {
    document.documentElement.setAttribute('lang', 'en');
    const host = mount('<div lang="de"><span id="host"></span></div>').querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    mount('<p>Die NSEC</p><p lang="fr">Le NSEC</p>', root);
    const [de, fr] = [...root.querySelectorAll('p')];
    expect(nearestLang(firstText(de!))).toBe('de');
    expect(nearestLang(firstText(fr!))).toBe('fr');
  });

  it('is empty when nothing says', () => {
    document.documentElement.removeAttribute('lang');
    mount('<p id="none">ETIAS</p>');
    expect(nearestLang(firstText(byId('none')))).toBe('');
  });
});
