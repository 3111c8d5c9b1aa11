import { notFound } from 'next/navigation';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('notFound');

// Any unknown path under a locale shows the localized not-found page.
export default function CatchAll() {
  notFound();
}
