/**
 * `t` and the language, for the components a keystroke re-renders (the fleet's count, rows and grid).
 *
 * react-i18next's `useTranslation` does more than this on every render: it checks that each namespace is
 * loaded for each language in the fallback chain, and compares its options. Across the three fleet
 * components that a search key re-renders, that showed in a CPU profile of every key at 100,000 rows,
 * for a language that changes once in a session, if ever. The resources here are bundled and loaded
 * synchronously (index.ts), so there is nothing to wait for.
 */
import type { TFunction } from 'i18next';
import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { getI18n, I18nContext } from 'react-i18next';

export function useFixedT(): { t: TFunction; lang: string } {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on('languageChanged', changed);
      return () => i18n.off('languageChanged', changed);
    },
    [i18n],
  );
  const lang = useSyncExternalStore(subscribe, () => i18n.language);
  const t = useMemo(() => i18n.getFixedT(lang), [i18n, lang]);
  return { t, lang };
}
