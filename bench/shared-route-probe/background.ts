/** The probe's background: matches itself, and in Chromium also opens the offscreen document. */
import { api } from './probe-api';
import { serve } from './matcher-host';

serve('background');
void api.offscreen?.createDocument({
  url: 'offscreen.html',
  reasons: ['WORKERS'],
  justification: 'benchmark: one shared matcher',
});
