; Inno Setup 6 script: a per-user installer for Hamstring Coach (no administrator rights).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\hamstring-coach.iss
;
; Run from the repository root after PyInstaller has built dist\hamstring-coach\.
; Writes dist\hamstring-coach-<version>-windows-setup.exe.
;
; The program goes to %LOCALAPPDATA%\Programs\Hamstring Coach. The person's data lives in
; %LOCALAPPDATA%\hamstring-coach (chosen by the app itself), which this installer never
; writes and the uninstaller never removes, so upgrades and uninstalls keep it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Hamstring Coach"
#define AppExe "hamstring-app.exe"
#define SourceDir "..\..\dist\hamstring-coach"
#define IconFile "..\..\build\pyinstaller\hamstring-coach\icons\hamstring-coach.ico"

[Setup]
; Keep this AppId for every release: it is how an upgrade finds the earlier install.
AppId={{2E18702E-46A0-4663-A58E-F5295C88B39B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Hamstring Coach team
AppCopyright=MIT licence
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=hamstring-coach-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle. An upgrade first removes the old program folder (below)
; so files dropped from a newer version do not linger.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Daily check-in, guided sessions and recovery graphs"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder may gain at run time; the data folder is elsewhere and stays.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
