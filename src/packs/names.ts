export const RULE_ID_PATTERN = '^[a-z0-9]+(?:[.-][a-z0-9]+)*$';
export const CATEGORY_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
