/**
 * Everything the profile form derives and does, so the form only renders: the draft and its validation
 * (profile-draft.ts), the connection test of exactly what was typed, and saving (a new profile only after a
 * successful test; an edited one as a patch of what changed, secrets only when typed).
 */
import { useState } from 'react';
import type { ProfilePatch, ProfileView } from '../../../../shared/profiles';
import { useApp } from '../../store';
import type { ConnectionTest } from '../../store/profiles-slice';
import type { UiError } from '../../store/types';
import { type Draft, draftOf, regionList, toInput, validate } from './profile-draft';

export function useProfileForm(profile: ProfileView | undefined, onDone: () => void) {
  const createProfile = useApp((s) => s.createProfile);
  const updateProfile = useApp((s) => s.updateProfile);
  const testProfile = useApp((s) => s.testProfile);
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [touched, setTouched] = useState(false);
  const [test, setTest] = useState<{ result?: ConnectionTest; error?: UiError; busy: boolean }>({
    busy: false,
  });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<UiError>();
  const editing = profile !== undefined;
  const errors = validate(draft, profile);
  const valid = Object.keys(errors).length === 0;
  const regions = regionList(draft.regions);
  const tested = test.result?.ok === true;

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // Any change invalidates a previous test: what gets saved must be what was tested.
    if (!editing) setTest({ busy: false });
  };

  const runTest = async () => {
    setTouched(true);
    if (!editing && !valid) return;
    setTest({ busy: true });
    const result = await testProfile(editing ? { id: profile.id } : { draft: toInput(draft) });
    setTest(result.ok ? { result: result.value, busy: false } : { error: result.error, busy: false });
  };

  const save = async () => {
    setTouched(true);
    if (!valid || (!editing && !tested)) return;
    setSaving(true);
    setSaveError(undefined);
    const result = editing
      ? await updateProfile(patchOf(profile, draft))
      : await createProfile(toInput(draft));
    setSaving(false);
    if (result.ok) onDone();
    else setSaveError(result.error);
  };

  return {
    draft,
    change,
    touched,
    errors,
    valid,
    regions,
    editing,
    tested,
    test,
    runTest,
    saving,
    saveError,
    save,
    /** The field's error, once the user tried to test or save. */
    errorOf: (key: keyof Draft) => (touched ? errors[key] : undefined),
  };
}

/** Only what changed; secrets only when typed. */
export function patchOf(profile: ProfileView, d: Draft): ProfilePatch {
  const input = toInput({ ...d, secretKey: d.secretKey || 'unchanged' });
  const patch: ProfilePatch = { id: profile.id };
  if (input.name !== profile.name) patch.name = input.name;
  if (input.secretId !== profile.secretId) patch.secretId = input.secretId;
  if (input.generation !== profile.generation) patch.generation = input.generation;
  if ((input.endpoint ?? '') !== (profile.endpoint ?? '')) patch.endpoint = input.endpoint ?? '';
  if (input.regions.join() !== profile.regions.join()) patch.regions = input.regions;
  if (input.defaultRegion !== profile.defaultRegion) patch.defaultRegion = input.defaultRegion;
  if (input.environment !== profile.environment) patch.environment = input.environment;
  if (input.requestTimeoutSeconds !== profile.requestTimeoutSeconds)
    patch.requestTimeoutSeconds = input.requestTimeoutSeconds;
  if (d.secretKey) patch.secretKey = d.secretKey;
  if (d.token) patch.token = d.token;
  if (d.clearToken) patch.clearToken = true;
  if (input.confirmInsecureEndpoint) patch.confirmInsecureEndpoint = true;
  return patch;
}
