/** The largest YAML file (a rule pack, a config file) scrutineer reads. */
export const MAX_YAML_BYTES = 1024 * 1024;
