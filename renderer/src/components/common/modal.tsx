/**
 * A modal dialog that traps Tab inside, closes on Escape (unless told not to), makes the rest of the app
 * inert, and gives focus back to whatever had it when it closes.
 */
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  /** False while a request is in flight: closing would hide its outcome. */
  closable?: boolean;
  tone?: 'default' | 'danger';
  /** Element to focus first (by default the first focusable one). */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
  footer?: ReactNode;
  /** Shown between the scrolling body and the footer, so an error is always in view next to the buttons. */
  alerts?: ReactNode;
  wide?: boolean;
}

export function Modal({
  title,
  onClose,
  closable = true,
  tone = 'default',
  initialFocus,
  children,
  footer,
  alerts,
  wide,
}: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const closableRef = useRef(closable);
  closableRef.current = closable;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const shell = document.querySelector<HTMLElement>('[data-modal-inert]');
    shell?.setAttribute('inert', '');
    const first = initialFocus?.current ?? ref.current?.querySelector<HTMLElement>(focusable);
    (first ?? ref.current)?.focus();
    // A focused button that becomes disabled (Restore, while its request runs) drops focus to <body>, out of
    // the dialog's own key handler. Keys arriving there still belong to the dialog: Escape closes, Tab re-enters.
    const stray = (event: globalThis.KeyboardEvent) => {
      const dialog = ref.current;
      if (!dialog || (event.target instanceof Node && dialog.contains(event.target))) return;
      if (event.key === 'Escape' && closableRef.current) {
        event.preventDefault();
        closeRef.current();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        (dialog.querySelector<HTMLElement>(focusable) ?? dialog).focus();
      }
    };
    document.addEventListener('keydown', stray);
    return () => {
      document.removeEventListener('keydown', stray);
      shell?.removeAttribute('inert');
      previous?.focus();
    };
  }, [initialFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (closableRef.current) closeRef.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const target = document.querySelector('[data-modal-root]') ?? document.body;
  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`modal modal-${tone}${wide ? ' modal-wide' : ''}`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        {alerts && <div className="modal-alerts">{alerts}</div>}
        {footer && <div className="modal-footer">{footer}</div>}
      </div>
    </div>,
    target,
  );
}
