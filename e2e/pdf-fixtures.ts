/**
 * PDFs for the viewer's tests and bench, written at test time (no binary fixtures in the repository):
 * a page of policy text with glossary terms in four languages, a long document, a damaged file, a
 * scanned-style page (an image, no text) and a password-protected one. Made with pdfkit (a dev
 * dependency) in its standard fonts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** Where the generated PDFs are served from: a folder of the fixture server's, not committed. */
export const GENERATED_DIR = 'generated';

/** The paragraphs of the terms page: each with glossary terms, in the four languages. */
export const TERMS_PAGE = [
  'Benelux-voorzitterschap 2023',
  'Ook zullen de Benelux-landen samen optrekken in de implementatie van het Europese reisautorisatiesysteem (ETIAS).',
  'The Netherlands chairs the North Seas Energy Cooperation (NSEC) this year; the Benelux runs its secretariat.',
  'La coopération en matière de politique étrangère et de sécurité commune (PESC) est renforcée.',
  'Die Gemeinsame Außen- und Sicherheitspolitik (GASP) bleibt ein Schwerpunkt der Zusammenarbeit.',
];

/** Writes every PDF into `<fixturesDir>/generated/`; returns their fixture names. */
export async function writePdfFixtures(fixturesDir: string): Promise<Record<PdfFixture, string>> {
  const dir = path.join(fixturesDir, GENERATED_DIR);
  await mkdir(dir, { recursive: true });
  const files: Record<PdfFixture, Buffer> = {
    terms: await termsPdf(),
    long: await longPdf(300),
    damaged: damagedPdf(),
    scanned: await scannedPdf(),
    password: await passwordPdf(),
  };
  const names = {} as Record<PdfFixture, string>;
  for (const [kind, bytes] of Object.entries(files) as [PdfFixture, Buffer][]) {
    await writeFile(path.join(dir, `${kind}.pdf`), bytes);
    names[kind] = `${GENERATED_DIR}/${kind}.pdf`;
  }
  return names;
}

export type PdfFixture = 'terms' | 'long' | 'damaged' | 'scanned' | 'password';

function render(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // No creation date: the same bytes every run.
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date(0) }, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

export function termsPdf(): Promise<Buffer> {
  return render({}, (doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text(TERMS_PAGE[0]!, { paragraphGap: 12 });
    doc.font('Helvetica').fontSize(14);
    for (const paragraph of TERMS_PAGE.slice(1)) doc.text(paragraph, { paragraphGap: 12 });
  });
}

/** The one page of the long PDF that names GBVB. */
export const LONG_PDF_GBVB_PAGE = 250;

/** `pages` pages, each naming a term and its page number (and GBVB on LONG_PDF_GBVB_PAGE only). */
export function longPdf(pages: number): Promise<Buffer> {
  return render({ autoFirstPage: false }, (doc) => {
    doc.font('Helvetica').fontSize(12);
    for (let n = 1; n <= pages; n++) {
      doc.addPage();
      doc.text(`Pagina ${n}. `.repeat(1) + TERMS_PAGE[2]!, { paragraphGap: 8 });
      for (let k = 0; k < 20; k++) doc.text(`Regel ${k + 1}: de Benelux-landen werken samen aan ETIAS en NSEC.`);
      // A term on one page only, far from the first (the popup's "On this page" must still find it).
      if (n === LONG_PDF_GBVB_PAGE) doc.text('Alleen hier: het GBVB.');
    }
  });
}

/** A PDF header over bytes that are no PDF: what a cut-off or corrupted download looks like. */
export function damagedPdf(): Buffer {
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog'), noise]);
}

/** One page that is only an image of text (stripes standing for lines), as a scanner makes. */
export function scannedPdf(): Promise<Buffer> {
  const png = stripesPng(400, 560);
  return render({}, (doc) => {
    doc.image(png, 56, 56, { width: 480 });
  });
}

export function passwordPdf(): Promise<Buffer> {
  return render({ userPassword: 'geheim', ownerPassword: 'eigenaar', pdfVersion: '1.7' }, (doc) => {
    doc.font('Helvetica').fontSize(14).text(TERMS_PAGE[1]!);
  });
}

/** A greyscale PNG of dark stripes on white, written by hand (zlib and crc32 from Node). */
function stripesPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1); // filter byte 0, then one byte a pixel
    const inkRow = y % 24 < 10 && y > 20 && y < height - 20;
    for (let x = 1; x <= width; x++) row[x] = inkRow && x > 20 && x < width - 20 && (x * 13) % 17 > 3 ? 40 : 255;
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
