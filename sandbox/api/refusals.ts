// One domain refusal, two protocols: the API 3.0 code (reference §3.3) and the legacy v2 code (§1.7).
import type { FlowRefusal } from '../state/types.js';

export const V3_REFUSAL_CODES: Readonly<Record<FlowRefusal, string>> = {
  InvalidParameter: 'InvalidParameter.InvalidParameter',
  InstanceNotExists: 'ResourceNotFound.InstanceNotExists',
  PermissionDenied: 'InvalidParameter.PermissionDenied',
  InstanceLocked: 'ResourceUnavailable.InstanceLockedError',
  InstanceStatusAbnormal: 'ResourceUnavailable.InstanceStatusAbnormal',
  InstanceStateError: 'ResourceUnavailable.InstanceStateError',
  PasswordError: 'InvalidParameterValue.PasswordError',
  BackupNotExists: 'InvalidParameterValue.BackupNotExists',
  BackupStatusAbnormal: 'ResourceUnavailable.BackupStatusAbnormal',
  BackupLocked: 'ResourceUnavailable.BackupLockedError',
  BackupSpecError: 'ResourceUnavailable.BackupSpecError',
  SystemError: 'FailedOperation.SystemError',
  InternalError: 'InternalError.InternalError',
};

export interface LegacyCode {
  code: number;
  codeDesc: string;
}

export const LEGACY_REFUSAL_CODES: Readonly<Record<FlowRefusal, LegacyCode>> = {
  InvalidParameter: { code: 11201, codeDesc: 'InvalidParameter' },
  InstanceNotExists: { code: 10701, codeDesc: 'InstanceNotExists' },
  // Legacy CAM: 4102 = sub-user not authorised for the resource.
  PermissionDenied: { code: 4102, codeDesc: 'UnauthorizedResource' },
  InstanceLocked: { code: 10707, codeDesc: 'InstanceLockedError' },
  InstanceStatusAbnormal: { code: 10702, codeDesc: 'InstanceStatusAbnormal' },
  // Legacy has one "status abnormal" code for every non-running state.
  InstanceStateError: { code: 10702, codeDesc: 'InstanceStatusAbnormal' },
  PasswordError: { code: 10712, codeDesc: 'PasswordError' },
  BackupNotExists: { code: 11213, codeDesc: 'BackupNotExists' },
  BackupStatusAbnormal: { code: 10711, codeDesc: 'BackupStatusAbnormal' },
  BackupLocked: { code: 10710, codeDesc: 'BackupLockedError' },
  // No legacy equivalent is documented; 5100 is the generic "resource operation failed".
  BackupSpecError: { code: 5100, codeDesc: 'BackupSpecError' },
  SystemError: { code: 6000, codeDesc: 'InternalError' },
  InternalError: { code: 6000, codeDesc: 'InternalError' },
};
