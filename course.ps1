# The course's front door on Windows (PowerShell):  .\course [command] [options]   (.\course --help lists them)
#
# Runs the course tool that is already built (tools/Course/bin/Release), so the map shows up at once. It
# rebuilds the tool first only when that build is missing or a source of the tool changed since it was made.
# `dotnet run --project tools/Course -- <command>` always works too; it just build-checks on every run.
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$tool = Join-Path $root 'tools/Course/bin/Release/net10.0/course.dll'
$stamp = Join-Path $root '.course/tool.stamp'
# Everything the tool's build depends on: its two projects and the settings every project shares.
$sources = 'tools/Course', 'tools/Course.Notebooks', 'Directory.Build.props', 'Directory.Packages.props', 'global.json' |
    ForEach-Object { Join-Path $root $_ }

function Test-NeedsBuild {
    if (-not (Test-Path $tool) -or -not (Test-Path $stamp)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    $sep = [regex]::Escape([IO.Path]::DirectorySeparatorChar)
    $changed = Get-ChildItem -Path $sources -File -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch "${sep}(bin|obj)${sep}" -and $_.LastWriteTimeUtc -gt $built } |
        Select-Object -First 1
    return $null -ne $changed
}

if (Test-NeedsBuild) {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        Write-Error 'The course needs the .NET 10 SDK: https://dotnet.microsoft.com/download (then open a new terminal).'
        exit 2
    }
    Write-Host 'Building the course tool (first run, or its sources changed; about a minute)...'
    New-Item -ItemType Directory -Force -Path (Join-Path $root '.course') | Out-Null
    $started = [DateTime]::UtcNow # a file saved during the build counts as changed next time
    dotnet build (Join-Path $root 'tools/Course/Course.csproj') -c Release -nologo -v:q '-clp:ErrorsOnly;NoSummary'
    if ($LASTEXITCODE -ne 0) {
        Write-Host 'The course tool did not build (see above). Try: dotnet run --project tools/Course'
        exit 2
    }
    Set-Content -Path $stamp -Value 'built'
    (Get-Item $stamp).LastWriteTimeUtc = $started
}
& dotnet $tool @args
exit $LASTEXITCODE
