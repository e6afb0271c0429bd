// Command stillpoint is Stillpoint, a practice manager for solo massage
// therapists: without a command it opens the app; its commands work on the
// practice file from a terminal or a script.
//
//	stillpoint [--db FILE]                      open the app on the practice file
//	stillpoint [--db FILE] demo [--years N] [--seed S] [--clients N]
//	                                            fill an empty file with a sample practice
//	stillpoint [--db FILE] check                schema version, integrity check, record counts
//	stillpoint [--db FILE] list clients [--archived] [--search TEXT]
//	                                            one tab-separated line per client
//	stillpoint version                          the version, commit, date and schema
//
// --db defaults to stillpoint.db in the app's data folder (see data.DefaultPath).
// Exit status: 0 success, 1 failure (including problems found by check), 2 a
// usage error.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
