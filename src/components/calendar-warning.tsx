/** Dates in years the working calendar does not know: said under a form's result, with the calendar page one link away. */
export type TCalendarWarning = { text: string; link: string; href: string };

export function CalendarWarning({ warning }: { warning: TCalendarWarning }) {
  return (
    <p data-testid="calendar-warning" className="mt-2 rounded-lg bg-amber-50 p-3 text-lg text-amber-950">
      {warning.text}{' '}
      <a href={warning.href} className="inline-flex min-h-12 items-center font-semibold text-brand-700 underline">
        {warning.link}
      </a>
    </p>
  );
}
