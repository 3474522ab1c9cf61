/** The engine worker's error when a book is asked for by id and it does not hold the rows (a new worker): the client posts them again. */
export const BOOK_NOT_HELD = 'engine worker: loan book not held';
