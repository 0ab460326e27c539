@echo off
rem The course's front door in a Windows command prompt:  course [command] [options]
rem It runs course.ps1 beside it, which runs the built course tool (rebuilding it only when its sources changed).
where pwsh >nul 2>nul
if %errorlevel%==0 (
  pwsh -NoLogo -NoProfile -ExecutionPolicy Bypass -File "%~dp0course.ps1" %*
) else (
  powershell -NoLogo -NoProfile -ExecutionPolicy Bypass -File "%~dp0course.ps1" %*
)
exit /b %errorlevel%
