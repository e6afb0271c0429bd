package gui

import (
	"context"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientAudit is the client page's "History of changes": every audit line
// of the client and their notes, newest first, folded away until opened.
type clientAudit struct {
	sh       *shell
	clientID int64
	gen      int

	lines *fyne.Container
	acc   *widget.Accordion
	obj   fyne.CanvasObject
}

func newClientAudit(sh *shell, clientID int64) *clientAudit {
	a := &clientAudit{sh: sh, clientID: clientID, lines: container.NewVBox()}
	a.acc = widget.NewAccordion(widget.NewAccordionItem("History of changes", a.lines))
	a.obj = a.acc
	a.reload()
	return a
}

// reload reads the audit lines off the UI goroutine.
func (a *clientAudit) reload() {
	a.gen++
	gen, st, id := a.gen, a.sh.store, a.clientID
	a.sh.background(func(ctx context.Context) func() {
		entries, err := st.AuditLog(ctx, id)
		var loc *time.Location
		if err == nil {
			loc, err = st.Location(ctx)
		}
		return func() {
			if gen != a.gen || a.sh.store != st {
				return
			}
			if err != nil {
				a.lines.Objects = []fyne.CanvasObject{widget.NewLabel("The history could not be shown: " + data.UserMessage(err))}
				a.lines.Refresh()
				return
			}
			a.show(entries, loc)
		}
	})
}

// show lists the entries, one line each.
func (a *clientAudit) show(entries []data.AuditEntry, loc *time.Location) {
	a.lines.Objects = nil
	if len(entries) == 0 {
		none := widget.NewLabel("No changes recorded yet.")
		none.Importance = widget.LowImportance
		a.lines.Add(none)
	}
	for _, e := range entries {
		when := widget.NewLabel(e.At.In(loc).Format("2 Jan 2006 15:04"))
		when.Importance = widget.LowImportance
		what := widget.NewLabel(auditLine(e))
		what.Wrapping = fyne.TextWrapWord
		a.lines.Add(container.NewBorder(nil, nil, container.NewStack(fixedWidth(150), when), nil, what))
	}
	a.lines.Refresh()
}

// auditLine says in plain words what an audit entry records.
func auditLine(e data.AuditEntry) string {
	what := "Client record"
	if e.Entity == data.AuditNote {
		what = "Treatment note"
	}
	act := map[data.AuditAction]string{
		data.AuditCreate: "created", data.AuditEdit: "edited", data.AuditSign: "signed",
		data.AuditAmend: "amended", data.AuditDelete: "deleted", data.AuditExport: "exported",
		data.AuditPrint: "printed", data.AuditUpdate: "updated", data.AuditArchive: "archived",
		data.AuditRestore: "restored",
	}[e.Action]
	if act == "" {
		act = string(e.Action)
	}
	head, sum := what+" "+act, auditSummary(e.Entity, e.Summary)
	switch {
	case sum == "" || strings.EqualFold(sum, head) || sum == act:
		return head
	case strings.HasPrefix(sum, "amended: "):
		return head + ". Reason: " + strings.TrimPrefix(sum, "amended: ")
	case strings.HasPrefix(sum, act+" "):
		return what + " " + sum // "signed by Maya Lindqvist"
	}
	return head + ": " + sum
}

// isoDate finds the YYYY-MM-DD dates audit summaries are written with.
var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// auditSummary rewrites "changed Email, Alerts" as "changed e-mail, alerts"
// (data.AuditFieldLabel) and ISO dates as people write them.
func auditSummary(entity data.AuditEntity, s string) string {
	s = isoDate.ReplaceAllStringFunc(s, func(iso string) string {
		var d data.Date
		if err := d.UnmarshalText([]byte(iso)); err != nil {
			return iso
		}
		return d.Format()
	})
	rest, ok := strings.CutPrefix(s, "changed ")
	if !ok {
		return s
	}
	names := strings.Split(rest, ", ")
	for i, n := range names {
		names[i] = data.AuditFieldLabel(entity, n)
	}
	return "changed " + strings.Join(names, ", ")
}
