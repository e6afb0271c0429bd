package gui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// splitName reads a typed name as first and last: the first word, then
// the rest ("Mary Ann Lee" → "Mary", "Ann Lee"). One word gives no last
// name.
func splitName(typed string) (first, last string) {
	words := strings.Fields(typed)
	if len(words) == 0 {
		return "", ""
	}
	return words[0], strings.Join(words[1:], " ")
}

// addNewClientOffer puts "New client: <typed>" under the clients found,
// so a first-time client can be booked without leaving the dialog.
func (b *bookingDialog) addNewClientOffer() {
	typed := strings.Join(strings.Fields(b.search.Text), " ")
	if typed == "" {
		return
	}
	btn := widget.NewButton("New client: "+firstRunes(typed, 60), func() { b.newClient(typed) })
	btn.Alignment = widget.ButtonAlignLeading
	btn.Importance = widget.LowImportance
	b.newClientBtn = btn
	b.results.Add(btn)
}

// newClient adds the client named typed and books for them; with only one
// word typed it asks for the first and last name first.
func (b *bookingDialog) newClient(typed string) {
	first, last := splitName(typed)
	if last != "" {
		b.createClient(first, last)
		return
	}
	fe, le := newEntry("First name", capShort), newEntry("Last name", capShort)
	fe.SetText(first)
	items := []*widget.FormItem{widget.NewFormItem("First name", fe), widget.NewFormItem("Last name", le)}
	d := dialog.NewForm("New client", "Add client", "Back", items, func(ok bool) {
		if ok {
			b.createClient(fe.Text, le.Text)
		}
	}, b.sh.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	b.sh.win.Canvas().Focus(le)
}

// createClient stores the new client (validated by the data layer, off the
// UI goroutine) and chooses them; a problem is shown and nothing is added.
func (b *bookingDialog) createClient(first, last string) {
	c := data.Client{FirstName: strings.TrimSpace(first), LastName: strings.TrimSpace(last)}
	st := b.sh.store
	b.sh.background(func(ctx context.Context) func() {
		err := st.CreateClient(ctx, &c)
		return func() {
			if err != nil {
				showError(b.sh.win, err)
				return
			}
			b.pick(c.ID, c.DisplayName(), "")
			b.sh.bookingChanged() // the client list and page show the new client
		}
	})
}

// pick chooses a client the therapist picked and moves the cursor on to
// the service, so the next keys fill the booking, not the name.
func (b *bookingDialog) pick(id int64, name, alerts string) {
	b.choose(id, name, alerts)
	b.sh.win.Canvas().Focus(b.service)
}
