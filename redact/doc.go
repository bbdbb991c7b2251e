// Package redact removes personal data from transcript text before anything is
// stored or indexed: payment card numbers (Luhn-checked, written or spoken digit by
// digit), US social security numbers, e-mail addresses and phone numbers. Each is
// replaced by a typed placeholder ([CARD], [SSN], [EMAIL], [PHONE]) and counted, so
// the analysis can report what kinds it redacted.
//
// The detectors are hand-written scanners rather than regular expressions: they run
// on every ingested transcript, in one linear pass over the text, and they need
// context that regular expressions express badly (spoken digits with fillers, the
// word before a number, Luhn checks over groups). Numbers that only look similar
// (order numbers, dates, times, prices, model and tracking numbers with letters,
// digit runs that fail the Luhn check) are left alone.
//
// Redaction is idempotent: redacting redacted text changes nothing.
package redact
