/** A session's device as « Mon compte » names it, from its User-Agent: « Firefox sur Linux ». */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Appareil inconnu";
  const browser = /Firefox/.test(userAgent)
    ? "Firefox"
    : /Edg\//.test(userAgent)
      ? "Edge"
      : /Chrom/.test(userAgent)
        ? "Chrome ou Chromium"
        : /Safari/.test(userAgent)
          ? "Safari"
          : "Navigateur";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "système inconnu";
  return `${browser} sur ${system}`;
}
