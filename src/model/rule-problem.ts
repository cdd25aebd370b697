/** A problem found in a rule (or a pack section) beyond its schema, reported against one of its keys. */
export interface RuleProblem {
  key: string;
  message: string;
}
