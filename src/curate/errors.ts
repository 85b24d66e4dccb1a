/** The expected ways a curation edit fails; each is a typed error of its mutation, and nothing is changed. */

/** Someone else changed the article or node since the curator read it (optimistic concurrency). */
export class EditConflictError extends Error {
  override name = 'EditConflictError';
  constructor(
    readonly target: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${target} is at version ${currentVersion}, not ${expectedVersion}: someone changed it meanwhile; read it again and redo the edit; nothing was changed`,
    );
  }
}

/** The edit asks for something that does not exist or cannot be done as asked. */
export class CurationInputError extends Error {
  override name = 'CurationInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}; nothing was changed`);
  }
}
