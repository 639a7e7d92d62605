import 'i18next';
import type { AppMessages } from './messages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AppMessages };
  }
}
