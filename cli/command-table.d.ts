export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  help: string;
  /** Set while the command is not built yet: the release that brings it. */
  availableIn?: string;
}

export declare const GLOBAL_FLAGS: Record<'json' | 'help', FlagSpec>;
export declare const COMMANDS: readonly CommandSpec[];
export declare const ENVIRONMENT_HELP: string;
export declare function mainHelp(version: string): string;
export declare function commandHelp(command: CommandSpec): string;
