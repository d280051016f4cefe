/** Saves text as a file through a Blob and a temporary <a download>: works in Electron and in Chromium. */
export function downloadText(filename: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke on the next turn: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
