package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
)

// listNotes prints the treatment notes, oldest visit first (only one
// client's when clientID is not 0): id, client name, visit date, draft or
// signed, and whether it was amended (yes/no), tab-separated.
func (e *env) listNotes(ctx context.Context, st *data.Store, clientID int64) int {
	if clientID < 0 {
		return e.usageError("list notes", "--client takes a client's id, as `list clients` prints it")
	}
	if clientID != 0 {
		if _, err := st.Client(ctx, clientID); errors.Is(err, data.ErrNotFound) {
			return e.fail("list", "there is no client with id %d (see `list clients`)", clientID)
		} else if err != nil {
			return e.fail("list", "%s", data.UserMessage(err))
		}
	}
	rows, err := st.NoteRows(ctx, clientID)
	if err != nil {
		return e.fail("list", "%s", data.UserMessage(err))
	}
	for _, n := range rows {
		amended := "no"
		if n.Amendments > 0 {
			amended = "yes"
		}
		if _, err := fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\t%s\n", n.ID, n.ClientName, n.VisitDate, n.Status,
			amended); err != nil {
			return exitFail
		}
	}
	return exitOK
}
