import { useCallback, useEffect, useState } from 'react';

const BODY_CLASS = 'meeting-mode';

/**
 * Meeting mode for the projector: the page chrome is hidden, type grows, and the browser goes full
 * screen where it may (browsers refuse full screen without a user gesture or in kiosk frames; the
 * mode works without it). Leaving full screen with Esc leaves the mode too.
 */
export function useMeetingMode() {
  const [on, setOn] = useState(false);

  useEffect(() => {
    document.body.classList.toggle(BODY_CLASS, on);
    return () => document.body.classList.remove(BODY_CLASS);
  }, [on]);

  useEffect(() => {
    const left = () => {
      if (!document.fullscreenElement) setOn(false);
    };
    document.addEventListener('fullscreenchange', left);
    return () => document.removeEventListener('fullscreenchange', left);
  }, []);

  const toggle = useCallback(() => {
    setOn((was) => {
      const next = !was;
      if (next) document.documentElement.requestFullscreen?.().catch(() => undefined);
      else if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      return next;
    });
  }, []);

  return { on, toggle };
}
