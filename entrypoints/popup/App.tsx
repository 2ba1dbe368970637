import { PopupHeader } from '@/components/PopupHeader';
import { t } from '@/i18n/t';

export function App() {
  return (
    <main class="popup">
      <PopupHeader title={t('popupTitle')} tagline={t('popupTagline')} />
    </main>
  );
}
