/** The report formats scrutineer writes (src/report/formats/ renders each; the config file and `--format` name them). */
export const FORMATS = ['terminal', 'json', 'ndjson', 'csv', 'html', 'junit', 'markdown', 'summary'] as const;
export type FormatName = (typeof FORMATS)[number];
