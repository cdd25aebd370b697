/** The commented starter configuration `scrutineer init` writes. Every key is optional. */
export const STARTER_CONFIG = `# scrutineer configuration for this council.
# scrutineer reads scrutineer.yaml from the folder it runs in (or the file given with --config).
# Options given on the command line win over this file; this file wins over the defaults.
# Paths are relative to this file. Check it with: scrutineer rules list

# Rule packs to add to the defaults (files or folders of .yaml packs).
# rules:
#   - rules/anyshire-words.yaml

# Set to false to run only your own packs.
# default_rules: true

# Rules to switch off, by id (scrutineer rules list shows the ids).
# disable:
#   - label.hard-to-reach

# Change a rule's severity: error, warning or info.
# severity:
#   label.attention-seeking: info

# Change a rule's own fields: thresholds, word lists (scrutineer explain RULE shows them).
# set:
#   label.aggressive:
#     exclusions: [aggressive treatment, aggressive tumour]

# Your own list of words to avoid, kept in a spreadsheet with the columns label,term.
# labels: words-to-avoid.csv

# The case-management system's column profile, if detection needs help, and single columns.
# profile: liquidlogic-lcs
# map:
#   text: Note Text

# How to read the exports.
# date_order: dmy          # dmy (UK) or mdy
# encoding: windows-1252   # default: detected
# delimiter: ","           # default: detected

# When the run fails (exit 1), and what the report shows.
fail_on: error             # error, warning, info or never
min_severity: info         # error, warning or info

# Reports to write on every run (one format may leave out output to go to stdout).
# outputs:
#   - format: terminal
#   - format: html
#     output: reports/audit.html
#   - format: json
#     output: reports/audit.json

# Privacy: mask personal details in snippets, or leave record text out entirely.
# redact: false
# snippets: true

# The csv report for Excel: write ids as ="0012345" so leading zeros are kept.
# excel_ids: false

# An auditor's decisions on flags: confirmed (a real problem; still fails the run) or
# dismissed with a reason. The HTML report exports this file (version 2).
# scrutineer-reviewed.yaml beside this file is used when it exists.
# reviewed: scrutineer-reviewed.yaml

# Compare with last month's report, and keep a history of rates across audits.
# baseline: reports/last-month.json
# history: reports/history.ndjson

# Audit one month's recording: flags only on records dated in this window (inclusive), with
# every earlier and later record of each case still read for context.
# since: 2025-05-01
# until: 2025-05-31
`;
