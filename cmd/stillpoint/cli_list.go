package main

import (
	"context"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
)

// list prints records, one tab-separated line each. Only "clients" exists
// so far: id, name, phone, e-mail, in the client list's order.
func (e *env) list(args []string) int {
	fset := e.flags("list")
	archived := fset.Bool("archived", false, "")
	search := fset.String("search", "", "")
	// Flags may come before or after the noun: parse, take the noun, parse the rest.
	if code, ok := e.parse(fset, args, "list"); !ok {
		return code
	}
	if fset.NArg() == 0 {
		return e.usageError("list", "what should be listed? (try: list clients)")
	}
	if noun := fset.Arg(0); noun != "clients" {
		return e.usageError("list", fmt.Sprintf("cannot list %q (try: list clients)", noun))
	}
	if code, ok := e.parse(fset, fset.Args()[1:], "list"); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, "list clients"); !ok {
		return code
	}
	path, code, ok := e.practice("list", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, path) // never creates, migrates or writes
	if err != nil {
		return e.fail("list", "%s", openMessage(path, err))
	}
	defer st.Close()
	if err := st.NeedsUpgrade(); err != nil {
		return e.fail("list", "%s", openMessage(path, err))
	}
	rows, err := st.SearchClients(ctx, data.ClientQuery{Text: *search, Archived: *archived})
	if err != nil {
		return e.fail("list", "%s", data.UserMessage(err))
	}
	for _, c := range rows {
		if _, err := fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\n", c.ID, c.DisplayName(), c.Phone, c.Email); err != nil {
			return exitFail // e.g. `| head` closed the pipe
		}
	}
	return exitOK
}
