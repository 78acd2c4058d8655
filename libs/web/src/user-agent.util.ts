/** A short Thai-readable name for a browser from its User-Agent ("Chrome บน Windows"), for the sessions page. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'ไม่ทราบเบราว์เซอร์';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} บน ${system}`;
  return browser ?? system ?? 'โปรแกรมอื่น';
}
