package gui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// tapArchive chooses Archive client (or Unarchive client) in the client
// page's More menu.
func tapArchive(t *testing.T, p *clientPage) {
	t.Helper()
	if !slices.Contains(p.moreMenu.Items, p.archive) {
		t.Fatal("More does not offer to archive the client")
	}
	if p.archive.Disabled {
		t.Fatalf("%s is off", p.archive.Label)
	}
	p.archive.Action()
}

// At 1024×600 the client page's header is one row (the name beside Book,
// New note, Edit and More) and one line about the client, so the records
// start high; Archive, an occasional action, is in More. A long name gets
// a row of its own with the actions under it.
func TestClientPageHeaderIsCompact(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1024, 600), fyne.NewSize(1280, 800)} {
		sh := newTestShell(t, true)
		sh.win.Resize(size)
		c := &data.Client{FirstName: "Beatrice", LastName: "Okafor", PreferredName: "Bea", Pronouns: "she/her",
			BirthDate: data.Date{Year: 1977, Month: 12, Day: 22}}
		if err := sh.store.CreateClient(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		s := sh.clients
		s.refresh()
		s.list.Select(0)
		test.WidgetRenderer(s.split).Layout(s.split.Size())
		p := s.page
		line := widget.NewLabel("x").MinSize().Height
		h := p.header.Size().Height
		row := max(p.editBtn.MinSize().Height, heading("x").MinSize().Height)
		if most := row + line + theme.Padding(); h > most {
			t.Errorf("%v: the header is %v tall, want at most %v (one row and one line)", size, h, most)
		}
		d := fyne.CurrentApp().Driver()
		if ny, ey := d.AbsolutePositionForObject(p.name).Y, d.AbsolutePositionForObject(p.editBtn).Y; ey-ny > p.editBtn.Size().Height {
			t.Errorf("%v: the actions are not beside the name (name at %v, Edit at %v)", size, ny, ey)
		}
		var labels []string
		for _, it := range p.moreMenu.Items {
			labels = append(labels, it.Label)
		}
		if !slices.Contains(labels, "Archive client") {
			t.Errorf("More offers %q, want Archive client", labels)
		}
	}

	// A long name: its own row, the actions under it, all on screen.
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	longClient(t, sh)
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	test.WidgetRenderer(s.split).Layout(s.split.Size())
	p := s.page
	d := fyne.CurrentApp().Driver()
	name, edit := d.AbsolutePositionForObject(p.name), d.AbsolutePositionForObject(p.editBtn)
	if edit.Y < name.Y+p.name.Size().Height {
		t.Errorf("a long name shares its row with the actions (name %v+%v, Edit at %v)", name, p.name.Size(), edit)
	}
	if right := edit.X + p.editBtn.Size().Width; right > 1024 {
		t.Errorf("Edit is off screen at x %v", right)
	}
}

// An archived client's page offers Unarchive beside the note saying so.
func TestArchivedPageOffersUnarchive(t *testing.T) {
	sh := newTestShell(t, true)
	c := &data.Client{FirstName: "Ann", LastName: "Lee"}
	if err := sh.store.CreateClient(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	tapArchive(t, s.page)
	s.openClient(c.ID)
	if s.page.archive.Label != "Unarchive client" {
		t.Fatalf("More offers %q", s.page.archive.Label)
	}
	b := buttonIn(s.page.obj, "Unarchive")
	if b == nil {
		t.Fatal("no Unarchive beside the archived note")
	}
	test.Tap(b)
	if got, _ := sh.store.Client(context.Background(), c.ID); got.Archived {
		t.Error("Unarchive left the client archived")
	}
}

// At 1024×600 an ordinary name shares its row with Book, New note, Edit and
// More (smaller, or cut short, before the buttons wrap), and More's menu
// opens inside the window.
func TestClientPageHeaderOneRowAndMoreMenuInside(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1024, 600), fyne.NewSize(1280, 800)} {
		for _, n := range [][2]string{{"Sofia", "Smith"}, {"Victoria", "Thompson"}} {
			sh := newTestShell(t, true)
			sh.win.Resize(size)
			c := &data.Client{FirstName: n[0], LastName: n[1]}
			if err := sh.store.CreateClient(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			s := sh.clients
			s.refresh()
			s.list.Select(0)
			test.WidgetRenderer(s.split).Layout(s.split.Size())
			p := s.page
			d := fyne.CurrentApp().Driver()
			name, edit := d.AbsolutePositionForObject(p.name), d.AbsolutePositionForObject(p.editBtn)
			if edit.Y >= name.Y+p.name.Size().Height {
				t.Errorf("%v %s %s: the actions wrap under the name", size, n[0], n[1])
			}
			test.Tap(p.more)
			menu := sh.win.Canvas().Overlays().Top()
			if menu == nil {
				t.Fatal("More opened nothing")
			}
			var right float32
			for _, o := range test.WidgetRenderer(menu.(fyne.Widget)).Objects() {
				right = max(right, d.AbsolutePositionForObject(o).X+o.Size().Width)
			}
			if right > size.Width {
				t.Errorf("%v: More's menu reaches x %v, past the window's edge", size, right)
			}
			sh.win.Canvas().Overlays().Remove(menu)
		}
	}
}
