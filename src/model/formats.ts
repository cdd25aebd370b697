/** The report formats scrutineer writes (src/report/formats/ renders each; the config file and `--format` name them). */
export const FORMATS = ['terminal', 'json', 'ndjson', 'csv', 'html', 'junit', 'markdown', 'summary'] as const;
export type FormatName = (typeof FORMATS)[number];

/** The formats of `scrutineer trend`. */
export const TREND_FORMATS = ['table', 'json', 'html'] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];
