#!/usr/bin/env pwsh
# Bootstrap (PowerShell): find (or install) the .NET SDK that global.json asks for, build the build project when
# its inputs changed, then run it. Fast path: when nothing changed since the last build, run the built build.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$TempDir = Join-Path $Root '.nuke/temp'
$BuildProject = Join-Path $Root 'build/_build.csproj'
$BuildOutput = Join-Path $TempDir 'build-bin'
$BuildDll = Join-Path $BuildOutput '_build.dll'
$StampFile = Join-Path $TempDir 'build.ps1.stamp'
# Windows PowerShell 5.1 (only on Windows) has no $IsWindows; keep this script valid there too.
$OnWindows = if ($PSVersionTable.PSVersion.Major -lt 6) { $true } else { $IsWindows }
$SdkDir = Join-Path $TempDir $(if ($OnWindows) { 'dotnet-win' } else { 'dotnet-unix' })
$ToolsManifest = Join-Path $Root '.config/dotnet-tools.json'
$ToolsStamp = Join-Path $TempDir 'tools.ps1.stamp'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# The build's inputs: its own sources, the engine and libraries it references, and the shared MSBuild files.
function Get-InputsHash {
    $extensions = '.cs', '.csproj', '.props', '.targets'
    # A repository that uses Slipway from packages has build/ alone (and perhaps no src/).
    $src = Join-Path $Root 'src'
    $folders = @('build') + @(if (Test-Path $src) { Get-ChildItem $src -Directory -Filter 'Slipway*' | ForEach-Object { "src/$($_.Name)" } })
    $files = foreach ($folder in $folders) {
        Get-ChildItem (Join-Path $Root $folder) -Recurse -File |
            Where-Object { $extensions -contains $_.Extension -and $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    }
    $files = @($files) + @('global.json', 'Directory.Build.props', 'Directory.Packages.props' | ForEach-Object { Join-Path $Root $_ } | Where-Object { Test-Path $_ } | ForEach-Object { Get-Item $_ })
    $sha = [System.Security.Cryptography.SHA1]::Create()
    $text = ($files | ForEach-Object { "$($_.FullName.Substring($Root.Length + 1).Replace('\', '/')) $((Get-FileHash $_.FullName -Algorithm SHA1).Hash)" } |
        Sort-Object -CaseSensitive) -join "`n"
    return [System.BitConverter]::ToString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($text))).Replace('-', '').ToLowerInvariant()
}

# Help needs no tool: it stays on the fast path with nothing restored.
$WantsHelp = @($args | Where-Object { $_ -in '--help', '-h', '-?' }).Count -gt 0

# Local dotnet tools (minver-cli computes the version): restored when the manifest changed since the last
# restore. A tool missing for another reason (a cleared NuGet cache) is restored by the build when it runs it.
function Restore-Tools([string] $dotnet) {
    if ($WantsHelp -or -not (Test-Path $ToolsManifest)) { return }
    $manifestHash = (Get-FileHash $ToolsManifest -Algorithm SHA1).Hash.ToLowerInvariant()
    if ((Test-Path $ToolsStamp) -and (Get-Content $ToolsStamp -Raw).Trim() -eq $manifestHash) { return }
    [Console]::Error.WriteLine('Restoring local dotnet tools (.config/dotnet-tools.json changed since the last restore)...')
    Push-Location $Root
    try { $restoreLog = & $dotnet tool restore 2>&1 } finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) {
        $restoreLog | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('error: dotnet tool restore failed; check .config/dotnet-tools.json and that NuGet is reachable.')
        exit 1
    }
    New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
    Set-Content -Path $ToolsStamp -Value $manifestHash -NoNewline
}

$hash = Get-InputsHash
if ((Test-Path $BuildDll) -and (Test-Path $StampFile)) {
    $stampHash, $stampDotnet = (Get-Content $StampFile -Raw).Trim() -split ' ', 2
    if ($stampHash -eq $hash -and (Test-Path $stampDotnet)) {
        Restore-Tools $stampDotnet
        Set-Location $Root
        & $stampDotnet $BuildDll @args
        exit $LASTEXITCODE
    }
}

# Slow path: make sure an SDK that satisfies global.json (rollForward latestFeature) is available.
$wanted = [version]((Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version -replace '-.*$', '')

function Test-Sdk([string] $dotnet) {
    if (-not $dotnet -or -not (Test-Path $dotnet)) { return $false }
    foreach ($line in (& $dotnet --list-sdks 2>$null)) {
        $version = ($line -split ' ')[0] -replace '-.*$', ''
        $have = [version]$version
        if ($have.Major -eq $wanted.Major -and $have.Minor -eq $wanted.Minor -and $have.Build -ge $wanted.Build) { return $true }
    }
    return $false
}

$onPath = Get-Command dotnet -ErrorAction SilentlyContinue
$dotnet = if ($onPath) { $onPath.Source } else { $null }
if (-not (Test-Sdk $dotnet)) {
    $dotnet = Join-Path $SdkDir $(if ($OnWindows) { 'dotnet.exe' } else { 'dotnet' })
    if (-not (Test-Sdk $dotnet)) {
        Write-Host "No .NET SDK matching global.json ($wanted, rollForward latestFeature) on PATH; installing it into .nuke/temp/$(Split-Path $SdkDir -Leaf)."
        New-Item -ItemType Directory -Force -Path $SdkDir | Out-Null
        $installer = Join-Path $TempDir 'dotnet-install.ps1'
        try {
            Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $installer -UseBasicParsing
        }
        catch {
            Write-Error "Could not download the .NET install script. Install the .NET SDK $wanted (https://dotnet.microsoft.com/download) and run again."
            exit 1
        }
        & $installer -JsonFile (Join-Path $Root 'global.json') -InstallDir $SdkDir -NoPath
    }
}

[Console]::Error.WriteLine('Building the build project (its inputs changed since the last run)...')
# Published ahead-of-time compiled (ReadyToRun) for this machine: later runs start without JIT-compiling the engine.
$buildLog = & $dotnet publish $BuildProject --nologo -v quiet -c Debug `
    -p:SlipwayReadyToRun=true -o $BuildOutput 2>&1
if ($LASTEXITCODE -ne 0) {
    $buildLog | ForEach-Object { [Console]::Error.WriteLine($_) }
    [Console]::Error.WriteLine('error: the build project does not compile; fix the errors above (build/, src/Slipway*).')
    exit 1
}
New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
Set-Content -Path $StampFile -Value "$hash $dotnet" -NoNewline
Restore-Tools $dotnet

Set-Location $Root
& $dotnet $BuildDll @args
exit $LASTEXITCODE
