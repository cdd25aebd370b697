/** The council configuration file's name, looked for in the working folder. */
export const CONFIG_FILE = 'scrutineer.yaml';
