/**
 * An error in what the user gave us (input file, rule pack, option). The CLI prints its
 * message without a stack trace and exits 2; anything else is a bug in scrutineer.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
