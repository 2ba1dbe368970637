import { describe, expect, it } from 'vitest';
import {
  PDF_MAX_BYTES,
  PDF_MAX_PAGES,
  handsOverPdf,
  hasText,
  isPdfResponse,
  isPdfAddress,
  looksLikePdf,
  originPattern,
  pageCountProblem,
  pdfUrlFromQuery,
  problemFromError,
  sizeProblem,
  viewerAddress,
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

  it('sends a navigation to the viewer when the browser would show a PDF, and only then', () => {
    const pdf = {
      method: 'GET',
      statusCode: 200,
      url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32016R0679',
    };
    const typed = (value: string, extra: { name: string; value: string }[] = []) => ({
      ...pdf,
      responseHeaders: [{ name: 'Content-Type', value }, ...extra],
    });
    expect(isPdfResponse(typed('application/pdf'))).toBe(true);
    expect(isPdfResponse(typed('Application/PDF; charset=binary'))).toBe(true);
    expect(isPdfResponse(typed('text/html'))).toBe(false);
    expect(isPdfResponse(pdf)).toBe(false); // no type, and the address does not say .pdf
    expect(isPdfResponse({ ...pdf, url: 'https://zoek.officielebekendmakingen.nl/kst-36200-1.PDF' })).toBe(true);
    expect(isPdfResponse({ ...typed('application/octet-stream'), url: 'https://example.org/a.pdf?x=1' })).toBe(true);
    expect(isPdfResponse({ ...typed('text/plain'), url: 'https://example.org/a.pdf' })).toBe(false);
    expect(isPdfResponse(typed('application/pdf', [{ name: 'content-disposition', value: 'attachment; a.pdf' }]))).toBe(
      false,
    );
    expect(isPdfResponse(typed('application/pdf', [{ name: 'Content-Disposition', value: 'inline' }]))).toBe(true);
    expect(isPdfResponse({ ...typed('application/pdf'), method: 'POST' })).toBe(false);
    expect(isPdfResponse({ ...typed('application/pdf'), statusCode: 404 })).toBe(false);
  });

  it('a content script hands over a PDF reached by a link or its address, not by Back, Forward or a reload', () => {
    const page = { contentType: 'application/pdf', topFrame: true };
    expect(handsOverPdf({ ...page, navigationType: 'navigate' })).toBe(true);
    expect(handsOverPdf(page)).toBe(true);
    expect(handsOverPdf({ ...page, navigationType: 'back_forward' })).toBe(false);
    expect(handsOverPdf({ ...page, navigationType: 'reload' })).toBe(false);
    expect(handsOverPdf({ ...page, topFrame: false })).toBe(false);
    expect(handsOverPdf({ ...page, contentType: 'text/html' })).toBe(false);
  });

  it("puts the PDF's whole address, query and all, in the viewer's ?url=", () => {
    const address = viewerAddress('chrome-extension://id/pdf.html', 'https://example.org/doc?a=1&b=2#p=3');
    expect(pdfUrlFromQuery(new URL(address).search)?.toString()).toBe('https://example.org/doc?a=1&b=2#p=3');
  });
});
