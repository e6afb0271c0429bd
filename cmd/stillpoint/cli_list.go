package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// list prints records, one tab-separated line each: "clients" (id, name,
// phone, e-mail, in the client list's order) or "appointments" (see
// listAppointments).
func (e *env) list(args []string) int {
	fset := e.flags("list")
	archived := fset.Bool("archived", false, "")
	search := fset.String("search", "", "")
	from := fset.String("from", "", "")
	to := fset.String("to", "", "")
	client := fset.Int64("client", 0, "")
	// Flags may come before or after the noun: parse, take the noun, parse the rest.
	if code, ok := e.parse(fset, args, "list"); !ok {
		return code
	}
	if fset.NArg() == 0 {
		return e.usageError("list", "what should be listed? (try: list clients, list appointments, list notes, list plans, list handouts, list receipts)")
	}
	noun := fset.Arg(0)
	if noun != "clients" && noun != "appointments" && noun != "notes" && noun != "plans" && noun != "handouts" && noun != "receipts" {
		return e.usageError("list", fmt.Sprintf("cannot list %q (try: list clients, list appointments, list notes, list plans, list handouts, list receipts)", noun))
	}
	if code, ok := e.parse(fset, fset.Args()[1:], "list"); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, "list "+noun); !ok {
		return code
	}
	if wrong := misplacedFlags(fset, noun); wrong != "" {
		return e.usageError("list "+noun, wrong)
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
	switch noun {
	case "appointments":
		return e.listAppointments(ctx, st, *from, *to)
	case "notes":
		return e.listNotes(ctx, st, *client)
	case "plans":
		return e.listPlans(ctx, st)
	case "handouts":
		return e.listHandouts(ctx, st)
	case "receipts":
		return e.listReceipts(ctx, st)
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

// misplacedFlags names a flag given to the wrong list: --archived and
// --search belong to clients, --from and --to to appointments, --client to
// notes.
func misplacedFlags(fset *flag.FlagSet, noun string) string {
	belongs := map[string]string{"archived": "clients", "search": "clients", "from": "appointments", "to": "appointments",
		"client": "notes"}
	var msg string
	fset.Visit(func(f *flag.Flag) {
		if owner, ok := belongs[f.Name]; ok && owner != noun && msg == "" {
			msg = fmt.Sprintf("--%s is for list %s", f.Name, owner)
		}
	})
	return msg
}

// listAppointments prints the appointments from the date from to the date
// to (both included; from defaults to today in the practice's zone, to to
// 30 days later): id, start and end in RFC 3339 with the practice's
// offset, client name, service, status, tab-separated, in start order.
func (e *env) listAppointments(ctx context.Context, st *data.Store, fromText, toText string) int {
	from, to, loc, msg := dateRange(ctx, st, fromText, toText, 30)
	if msg != "" {
		return e.usageError("list appointments", msg)
	}
	if loc == nil {
		return e.fail("list", "cannot read the practice's time zone")
	}
	rows, err := st.Appointments(ctx, from, to)
	if err != nil {
		return e.fail("list", "%s", data.UserMessage(err))
	}
	for _, a := range rows {
		if _, err := fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Start.In(loc).Format(time.RFC3339),
			a.End.In(loc).Format(time.RFC3339), a.ClientName, a.ServiceName, a.Status); err != nil {
			return exitFail
		}
	}
	return exitOK
}
