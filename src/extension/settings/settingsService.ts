import * as vscode from 'vscode';
import { changedSettings, readSettings, SETTINGS_SECTION, type SettingKey, type Settings } from './settings';

export interface SettingsChange {
  settings: Settings;
  changed: ReadonlySet<SettingKey>;
}

/** The current settings, re-read on every configuration change; listeners learn which keys changed. */
export class SettingsService implements vscode.Disposable {
  private value: Settings = SettingsService.read();
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
    const before = this.value;
    this.value = SettingsService.read();
    const changed = changedSettings(before, this.value);
    if (changed.size) this.changed.fire({ settings: this.value, changed });
  });

  get current(): Settings {
    return this.value;
  }

  /** Writes a setting where it is currently set (folder, workspace), else in the user's settings. */
  async update<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const where = config.inspect(key);
    const target = where?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : where?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await config.update(key, value, target);
  }

  /** Opens the Settings editor at one of the extension's settings. */
  static open(key: SettingKey): Thenable<unknown> {
    return vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.${key}`);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private static read(): Settings {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    return readSettings((key) => config.get(key));
  }
}
