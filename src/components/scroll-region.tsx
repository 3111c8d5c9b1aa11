import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways (a wide table on a phone, or at large text). Keyboard users reach and scroll it:
 * focusable, a region named by its label (axe 'scrollable-region-focusable').
 */
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
