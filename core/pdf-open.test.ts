import { describe, expect, it } from 'vitest';
import {
  PDF_MAX_BYTES,
  PDF_MAX_PAGES,
  hasText,
  isPdfAddress,
  looksLikePdf,
  originPattern,
  pageCountProblem,
  pdfUrlFromQuery,
  problemFromError,
  sizeProblem,
} from './pdf-open';

describe('pdf-open', () => {
  it('opens only http and https addresses from ?url=', () => {
    expect(pdfUrlFromQuery('?url=https%3A%2F%2Feur-lex.europa.eu%2Fa.pdf')?.toString()).toBe(
      'https://eur-lex.europa.eu/a.pdf',
    );
    expect(pdfUrlFromQuery('')).toBe('none');
    expect(pdfUrlFromQuery('?url=')).toBe('none');
    expect(pdfUrlFromQuery('?url=file%3A%2F%2F%2Fetc%2Fpasswd')).toBeNull();
    expect(pdfUrlFromQuery('?url=javascript%3Aalert(1)')).toBeNull();
    expect(pdfUrlFromQuery('?url=not%20a%20url')).toBeNull();
  });

  it('asks for one origin, whatever the port or path', () => {
    expect(originPattern(new URL('http://127.0.0.1:8123/a/b.pdf?x=1'))).toBe('http://127.0.0.1/*');
    expect(originPattern(new URL('https://zoek.officielebekendmakingen.nl/kst.pdf'))).toBe(
      'https://zoek.officielebekendmakingen.nl/*',
    );
  });

  it('refuses files over the size limit and documents with no or too many pages', () => {
    expect(sizeProblem(PDF_MAX_BYTES)).toBeNull();
    expect(sizeProblem(PDF_MAX_BYTES + 1)).toEqual({ kind: 'tooBig', megabytes: 201, limitMegabytes: 200 });
    expect(pageCountProblem(1)).toBeNull();
    expect(pageCountProblem(0)).toEqual({ kind: 'damaged' });
    expect(pageCountProblem(PDF_MAX_PAGES + 1)?.kind).toBe('tooManyPages');
  });

  it('tells a password from a damaged file by the exception name', () => {
    const password = Object.assign(new Error('No password given'), { name: 'PasswordException', code: 1 });
    const wrong = Object.assign(new Error('Incorrect Password'), { name: 'PasswordException', code: 2 });
    const invalid = Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' });
    expect(problemFromError(password)).toEqual({ kind: 'password', retry: false });
    expect(problemFromError(wrong)).toEqual({ kind: 'password', retry: true });
    expect(problemFromError(invalid)).toEqual({ kind: 'damaged' });
    expect(problemFromError('boom')).toEqual({ kind: 'damaged' });
    // Errors cross from PDF.js's worker as plain objects with a name.
    expect(problemFromError({ name: 'PasswordException', code: 1 })).toEqual({ kind: 'password', retry: false });
  });

  it('finds text only where there is some', () => {
    expect(hasText([])).toBe(false);
    expect(hasText([{ str: ' ' }, { str: '\n' }, { type: 'beginMarkedContent' }])).toBe(false);
    expect(hasText([{ str: '' }, { str: 'ETIAS' }])).toBe(true);
  });

  it('recognises a PDF by its header', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(looksLikePdf(bytes('%PDF-1.7\n%âãÏÓ'))).toBe(true);
    expect(looksLikePdf(bytes('\n\n%PDF-1.4'))).toBe(true);
    expect(looksLikePdf(bytes('<html><body>Not found</body></html>'))).toBe(false);
  });

  it('names PDF addresses by their path', () => {
    expect(isPdfAddress('https://eur-lex.europa.eu/legal-content/NL/TXT/PDF/x.PDF?uri=1')).toBe(true);
    expect(isPdfAddress('http://127.0.0.1:8080/generated/terms.pdf')).toBe(true);
    expect(isPdfAddress('https://example.org/page.html')).toBe(false);
    expect(isPdfAddress('file:///home/me/a.pdf')).toBe(false);
    expect(isPdfAddress('not an address')).toBe(false);
  });
});
