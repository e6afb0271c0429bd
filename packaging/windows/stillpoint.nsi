; NSIS installer for Stillpoint. Built by scripts/package-windows.sh:
;   makensis -DVERSION=1.2.3 -DVERSION4=1.2.3.0 -DBUILD=<dir with stillpoint.exe,
;            stillpoint.ico, LICENSE.txt> -DOUTFILE=<setup.exe> stillpoint.nsi
;
; A per-user install: no administrator rights, files in
; %LocalAppData%\Programs\Stillpoint, Start-menu and desktop shortcuts for this
; user, and an entry in Apps & features. The uninstaller removes only what the
; installer put there: the practice data in %AppData%\fyne\io.github.stillpoint\
; is never touched. Silent: Stillpoint-VERSION-windows-amd64-setup.exe /S, uninstall.exe /S.

; A 64-bit installer: it runs on 64-bit Windows, and on Wine without wine32.
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APPNAME "Stillpoint"
!define APPID "io.github.stillpoint"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\${APPID}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "LegalCopyright" "MIT License"
VIAddVersionKey "CompanyName" "${APPNAME}"

!include "MUI2.nsh"
!define MUI_ICON "${BUILD}\stillpoint.ico"
!define MUI_UNICON "${BUILD}\stillpoint.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\stillpoint.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open Stillpoint"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Stillpoint will be removed from this computer. Your practice records (in $APPDATA\fyne\${APPID}) are kept: they are not deleted."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${BUILD}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Stillpoint" SecMain
	SetShellVarContext current
	SetOutPath "$INSTDIR"
	File "${BUILD}\stillpoint.exe"
	File "${BUILD}\LICENSE.txt"
	WriteUninstaller "$INSTDIR\uninstall.exe"

	CreateDirectory "$SMPROGRAMS\${APPNAME}"
	CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\stillpoint.exe" "" "$INSTDIR\stillpoint.exe" 0
	CreateShortcut "$SMPROGRAMS\${APPNAME}\Uninstall ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
	CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\stillpoint.exe" "" "$INSTDIR\stillpoint.exe" 0

	WriteRegStr HKCU "Software\${APPID}" "InstallDir" "$INSTDIR"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APPNAME}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\stillpoint.exe"
	WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; Only the files listed here are removed; never a recursive delete, and
; nothing under $APPDATA (where the practice file lives).
Section "Uninstall"
	SetShellVarContext current
	Delete "$INSTDIR\stillpoint.exe"
	Delete "$INSTDIR\LICENSE.txt"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR"
	Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
	Delete "$SMPROGRAMS\${APPNAME}\Uninstall ${APPNAME}.lnk"
	RMDir "$SMPROGRAMS\${APPNAME}"
	Delete "$DESKTOP\${APPNAME}.lnk"
	DeleteRegKey HKCU "${UNINSTKEY}"
	DeleteRegKey HKCU "Software\${APPID}"
SectionEnd
