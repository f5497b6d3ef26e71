// Registers single-key shortcuts on the window for as long as the component is mounted.
import { useEffect, useRef } from "react";
import { shortcutKey, type ShortcutMap } from "./shortcuts";

export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const key = shortcutKey(e);
      const run = key ? current.current[key] : undefined;
      if (!run || e.repeat) return;
      e.preventDefault();
      run();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
