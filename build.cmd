:; set -eo pipefail
:; SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
:; "${SCRIPT_DIR}/build.sh" "$@"
:; exit $?

@ECHO OFF
REM Windows: run build.ps1 with PowerShell 7 (pwsh) when installed, else Windows PowerShell.
WHERE pwsh >NUL 2>NUL
IF %ERRORLEVEL% EQU 0 (
    pwsh -NoProfile -ExecutionPolicy ByPass -File "%~dp0build.ps1" %*
) ELSE (
    powershell -NoProfile -ExecutionPolicy ByPass -File "%~dp0build.ps1" %*
)
EXIT /B %ERRORLEVEL%
