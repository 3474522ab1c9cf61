/**
 * The shape every area file's English must satisfy: the same groups and keys as its Chinese, each a
 * string. A key missing or extra in `en` is a compile error (object-literal excess property check).
 */
export type Translation<Zh> = { [Group in keyof Zh]: { [Key in keyof Zh[Group]]: string } };
