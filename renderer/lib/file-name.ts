/** The last part of a Windows or POSIX path; names that are not paths (the web mode's) stay whole. */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
