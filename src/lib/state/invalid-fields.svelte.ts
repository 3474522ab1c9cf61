/**
 * The number fields on screen that hold text they cannot accept, so a view can refuse to run
 * (and say which fields) while any is invalid. A field registers itself while its text is bad
 * and leaves when it is fixed or unmounted. UI state only: nothing here is saved.
 */
import { SvelteMap } from 'svelte/reactivity';

export interface InvalidField {
  /** The field's visible label. */
  label: string;
  message: string;
}

class InvalidFields {
  readonly byId = new SvelteMap<string, InvalidField>();

  set(id: string, field: InvalidField | null): void {
    if (field) this.byId.set(id, field);
    else this.byId.delete(id);
  }

  /** The invalid fields whose id starts with `prefix` (a view's own fields), in screen order of registration. */
  within(prefix = ''): InvalidField[] {
    return [...this.byId.entries()].filter(([id]) => id.startsWith(prefix)).map(([, f]) => f);
  }
}

export const invalidFields = new InvalidFields();
