/**
 * Public addresses of test-audit's documentation. Rule pages ship inside the npm package
 * (package.json `files`), so a version-pinned package CDN address always shows the page matching
 * the version that produced a report.
 */
export function packageFileUrl(version: string, file: string): string {
  return `https://unpkg.com/test-audit@${encodeURIComponent(version)}/${file}`;
}

export function ruleDocsUrl(version: string, ruleId: string): string {
  return packageFileUrl(version, `rules/${ruleId}.md`);
}
