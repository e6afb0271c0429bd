// Package data holds Stillpoint's domain types and the SQLite store that keeps
// them: the practice profile, clients and (as they arrive) appointments, notes,
// care plans and receipts.
//
// Nothing in this package imports Fyne. The GUI and the command line both talk
// to a *Store; every method validates its input at the edge, wraps each change
// in one immediate transaction and returns errors that say what went wrong in
// words a therapist understands (see UserMessage).
//
// Times are stored as UTC instants (unix seconds); calendar dates such as a
// birth date are stored as "YYYY-MM-DD" text because they are not instants.
// Money, when it arrives, is stored as integer cents.
package data
