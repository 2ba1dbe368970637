import type { PdfProblem } from '@/core/pdf-open';
import { t } from '@/i18n/t';

/** What the reader is told, in their language, when a PDF is not shown or has nothing to explain. */
export function problemText(problem: PdfProblem): string {
  switch (problem.kind) {
    case 'damaged':
      return t('pdfProblemDamaged');
    case 'password':
      return t(problem.retry ? 'pdfProblemPasswordWrong' : 'pdfProblemPassword');
    case 'noText':
      return t('pdfProblemNoText');
    case 'tooBig':
      return t('pdfProblemTooBig', [String(problem.megabytes), String(problem.limitMegabytes)]);
    case 'tooManyPages':
      return t('pdfProblemTooManyPages', [String(problem.pages), String(problem.limit)]);
    case 'fetch':
      return t('pdfProblemFetch', problem.origin);
    case 'timeout':
      return t('pdfProblemTimeout');
    case 'badUrl':
      return t('pdfProblemBadUrl');
  }
}
