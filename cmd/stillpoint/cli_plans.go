package main

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	"github.com/stillpoint/stillpoint/data"
)

// listPlans prints every care plan: id, client name, condition and status,
// tab-separated, by id.
func (e *env) listPlans(ctx context.Context, st *data.Store) int {
	rows, err := st.CarePlans(ctx)
	if err != nil {
		return e.fail("list", "%s", data.UserMessage(err))
	}
	for _, p := range rows {
		if _, err := fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\n", p.ID, p.ClientName, p.Condition, p.Status); err != nil {
			return exitFail
		}
	}
	return exitOK
}

// listHandouts prints the handout library, archived ones too: id and
// title, tab-separated, by title (in the order of the language, so
// "Épaule" comes with the E's).
func (e *env) listHandouts(ctx context.Context, st *data.Store) int {
	rows, err := st.Handouts(ctx, true)
	if err != nil {
		return e.fail("list", "%s", data.UserMessage(err))
	}
	col := data.NewCollator()
	sort.SliceStable(rows, func(i, j int) bool {
		return bytes.Compare(col.Key(rows[i].Title), col.Key(rows[j].Title)) < 0
	})
	for _, h := range rows {
		if _, err := fmt.Fprintf(e.stdout, "%d\t%s\n", h.ID, h.Title); err != nil {
			return exitFail
		}
	}
	return exitOK
}
