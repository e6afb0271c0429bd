/*
 * bcryptprimitives.c: a TEST-ONLY stand-in for Windows' bcryptprimitives.dll,
 * which Debian's Wine 8 lacks and Go 1.22+ needs at start (for ProcessPrng).
 * scripts/wine-smoke.sh compiles it with mingw-w64 into the Wine prefix's
 * System32. It is never shipped: real Windows 10 and 11 have the DLL.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
