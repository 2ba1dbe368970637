import { serve } from './matcher-host';

serve('offscreen');
