import { InputError } from '@backstage/errors';

/**
 * Collects every invalid input before failing, so a template author fixes them in one go.
 */
export class InputProblems {
  private readonly messages: string[] = [];

  /** Records a problem found without a check function. */
  add(message: string): void {
    this.messages.push(message);
  }

  /** Runs a check; an InputError is recorded, anything else is thrown. */
  check<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (error instanceof InputError) {
        this.messages.push(error.message);
        return undefined;
      }
      throw error;
    }
  }

  /** Runs a check that reads live systems; an InputError is recorded, anything else is thrown. */
  async checkAsync<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof InputError) {
        this.messages.push(error.message);
        return undefined;
      }
      throw error;
    }
  }

  /** Throws one InputError listing every recorded problem. */
  throwIfAny(): void {
    if (this.messages.length === 1) {
      throw new InputError(this.messages[0]);
    }
    if (this.messages.length > 1) {
      throw new InputError(
        `${this.messages.length} inputs are invalid: ${this.messages.join(
          '; ',
        )}`,
      );
    }
  }

  /**
   * Throws like {@link InputProblems.throwIfAny}; else returns the checked values, narrowed to
   * defined, so a handler never uses one whose check failed.
   */
  valid<T extends Record<string, unknown>>(
    values: T,
  ): { [K in keyof T]: NonNullable<T[K]> } {
    this.throwIfAny();
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === null) {
        // a check that neither returned a value nor recorded a problem is a bug, not bad input
        throw new Error(`Validation left '${key}' unset without a problem`);
      }
    }
    return values as { [K in keyof T]: NonNullable<T[K]> };
  }
}
