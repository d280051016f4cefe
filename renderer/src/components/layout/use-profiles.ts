import { useShallow } from 'zustand/react/shallow';
import type { ProfileView } from '../../../../shared/profiles';
import { useApp } from '../../store';

/** The profile list, re-rendering only when its members change. */
export function useShallowProfiles(): ProfileView[] {
  return useApp(useShallow((s) => s.profiles));
}
