import type { ReactNode } from 'react';

/** A warning the reader should act on (a raised near-repeat risk): amber edge, a note for screen readers. */
export function WarningNote({
  title,
  children,
  testId,
  className = '',
}: {
  title: string;
  children: ReactNode;
  testId: string;
  className?: string;
}) {
  return (
    <aside
      className={`card warning-note ${className}`.trim()}
      style={{ borderLeft: '4px solid var(--warn)' }}
      role="note"
      aria-label={title}
      data-testid={testId}
    >
      <strong>{title}</strong>
      <p style={{ margin: '0.3rem 0 0' }}>{children}</p>
    </aside>
  );
}
