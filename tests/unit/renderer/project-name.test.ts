/** The default project is named in the UI language; other projects keep the name their owners gave. */
import { describe, expect, it } from 'vitest';
import { projectName } from '../../../renderer/src/lib/project-name';

describe('projectName', () => {
  it('names project 0 in the UI language, whatever the cloud called it', () => {
    expect(projectName({ projectId: 0, projectName: '默认项目' }, 'Default project')).toBe('Default project');
  });

  it('keeps a named project as named, and falls back to its id', () => {
    expect(projectName({ projectId: 7, projectName: '支付中台' }, 'Default project')).toBe('支付中台');
    expect(projectName({ projectId: 7 }, 'Default project')).toBe('7');
  });
});
