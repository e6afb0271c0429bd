package gui

import (
	"context"
	"io"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/assets"
	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// handoutsScreen is the handout library: the built-in handouts and the
// therapist's own, each with its drawing or picture as a thumbnail; the
// chosen one previewed with Save as PDF…, Print…, and Edit or Archive
// (own handouts) or Duplicate to edit (built-in ones).
type handoutsScreen struct {
	sh      *shell
	rows    []data.Handout
	own     map[int64][]byte // the pictures of the therapist's own handouts, by ID
	list    *widget.List
	preview *fyne.Container
	obj     fyne.CanvasObject
	newBtn  *widget.Button
	editor  *handoutEditor // the last editor opened from here

	// The chosen handout and its buttons (nil until one is chosen).
	chosen                      data.Handout
	pdf                         *pdfActions
	editBtn, dupBtn, archiveBtn *widget.Button
}

// newHandoutsScreen builds the screen and lists the library.
func newHandoutsScreen(sh *shell) *handoutsScreen {
	s := &handoutsScreen{sh: sh, own: map[int64][]byte{}}
	s.newBtn = widget.NewButtonWithIcon("New handout", theme.ContentAddIcon(), func() {
		s.editor = sh.openHandoutEditor(data.Handout{Kind: data.HandoutExercise}, s.saved)
	})
	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.choose(s.rows[id].ID) }
	s.preview = container.NewStack(placeholderText("Choose a handout to see it, print it or make your own copy."))
	intro := widget.NewLabel("Home-care handouts to print for clients, alone or with a care plan.")
	intro.Importance = widget.LowImportance
	intro.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(container.NewVBox(container.NewHBox(s.newBtn), intro), nil, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(s.preview)))
	split.Offset = 0.38
	s.obj = container.NewBorder(container.NewPadded(heading("Handouts")), nil, nil, nil, split)
	s.refresh()
	return s
}

// placeholderText is a quiet line in an empty area.
func placeholderText(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// refresh reads the library again (archived handouts leave it).
func (s *handoutsScreen) refresh() {
	ctx := context.Background()
	rows, err := s.sh.store.Handouts(ctx, false)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.rows = rows
	for _, h := range rows {
		if !h.Builtin() {
			if full, err := s.sh.store.Handout(ctx, h.ID); err == nil {
				s.own[h.ID] = full.Picture
			}
		}
	}
	s.list.Refresh()
}

// thumbSize is a list row's picture.
var thumbSize = fyne.NewSize(64, 48)

func (s *handoutsScreen) newRow() fyne.CanvasObject {
	img := canvas.NewImageFromResource(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(thumbSize)
	title := widget.NewLabel("Handout title")
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("Area · Exercise")
	meta.Importance = widget.LowImportance
	meta.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, img, nil, container.NewVBox(title, meta))
}

func (s *handoutsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	h := s.rows[id]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	texts.Objects[0].(*widget.Label).SetText(h.Title)
	meta := []string{}
	if h.Area != "" {
		meta = append(meta, h.Area)
	}
	meta = append(meta, h.Kind.Label())
	if !h.Builtin() {
		meta = append(meta, "Your own")
	}
	texts.Objects[1].(*widget.Label).SetText(strings.Join(meta, " · "))
	img := c.Objects[1].(*canvas.Image)
	img.Resource = s.artResource(h)
	img.Refresh()
}

// artResource is a handout's drawing (built-in) or picture (own), nil
// when it has none.
func (s *handoutsScreen) artResource(h data.Handout) fyne.Resource {
	if h.Builtin() {
		b, err := fs.ReadFile(assets.Handouts, h.BuiltinKey+".svg")
		if err != nil {
			return nil
		}
		return fyne.NewStaticResource(h.BuiltinKey+".svg", b)
	}
	if b := s.own[h.ID]; len(b) > 0 {
		return fyne.NewStaticResource("picture", b)
	}
	return nil
}

// handoutDocument is handout h printed on its own. A handout is not part
// of any client's record, so printing it writes no audit line.
func handoutDocument(h data.Handout) pdfDocument {
	return pdfDocument{
		fileName: pdf.HandoutFileName(pdf.HandoutInput{Handout: h}),
		id:       h.ID,
		prepare: func(ctx context.Context, st *data.Store) (func(io.Writer) error, error) {
			in, err := load.Handout(ctx, st, h.ID)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteHandout(w, in) }, nil
		},
	}
}

// choose shows handout id in the preview with its buttons.
func (s *handoutsScreen) choose(id int64) {
	h, err := s.sh.store.Handout(context.Background(), id)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.chosen = h
	s.pdf = newPDFActions(s.sh, handoutDocument(h))
	buttons := []fyne.CanvasObject{s.pdf.saveBtn, s.pdf.printBtn}
	s.editBtn, s.dupBtn, s.archiveBtn = nil, nil, nil
	if h.Builtin() {
		s.dupBtn = widget.NewButtonWithIcon("Duplicate to edit", theme.ContentCopyIcon(), s.onDuplicate)
		buttons = append(buttons, s.dupBtn)
	} else {
		s.editBtn = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { s.editor = s.sh.openHandoutEditor(s.chosen, s.saved) })
		s.archiveBtn = widget.NewButton("Archive", s.onArchive)
		buttons = append(buttons, s.editBtn, s.archiveBtn)
	}
	title := heading(h.Title)
	title.Wrapping = fyne.TextWrapWord
	meta := []string{h.Area, h.Kind.Label()}
	if h.Builtin() {
		meta = append(meta, "Built-in: duplicate it to change the text")
	}
	sub := widget.NewLabel(strings.Join(meta, " · "))
	sub.Importance = widget.LowImportance
	sub.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{title, sub, container.NewHBox(buttons...)}
	if dose := pdf.HandoutDose(h, data.HomeCareItem{}); dose != "" {
		d := widget.NewLabelWithStyle(dose, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		d.Wrapping = fyne.TextWrapWord
		parts = append(parts, d)
	}
	if r := s.artResource(h); r != nil || len(h.Picture) > 0 {
		if len(h.Picture) > 0 {
			r = fyne.NewStaticResource("picture", h.Picture)
		}
		img := canvas.NewImageFromResource(r)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(240, 180))
		parts = append(parts, container.NewHBox(img))
	}
	body := widget.NewRichTextFromMarkdown(h.Body)
	body.Wrapping = fyne.TextWrapWord
	parts = append(parts, body)
	s.preview.Objects = []fyne.CanvasObject{container.NewVBox(parts...)}
	s.preview.Refresh()
}

// onDuplicate makes an editable copy of a built-in and opens it.
func (s *handoutsScreen) onDuplicate() {
	c, err := s.sh.store.DuplicateHandout(context.Background(), s.chosen.ID)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.saved(c)
	s.editor = s.sh.openHandoutEditor(c, s.saved)
}

// onArchive takes an own handout out of the library after asking; plans
// that use it keep it.
func (s *handoutsScreen) onArchive() {
	h := s.chosen
	keep := choice{"Keep it", widget.HighImportance, nil}
	ask(s.sh.win, "Archive this handout?", "“"+h.Title+"” leaves the library. Care plans that use it keep it.",
		keep, keep, choice{"Archive", widget.DangerImportance, func() { s.archive(h.ID) }})
}

// archive archives handout id and clears the preview.
func (s *handoutsScreen) archive(id int64) {
	if err := s.sh.store.SetHandoutArchived(context.Background(), id, true); err != nil {
		showError(s.sh.win, err)
		return
	}
	s.chosen = data.Handout{}
	s.preview.Objects = []fyne.CanvasObject{placeholderText("Archived. Choose a handout to see it.")}
	s.preview.Refresh()
	s.list.UnselectAll()
	s.refresh()
}

// saved refreshes the list after a save and shows the saved handout.
func (s *handoutsScreen) saved(h data.Handout) {
	s.refresh()
	for i, r := range s.rows {
		if r.ID == h.ID {
			s.list.Select(i)
			return
		}
	}
}
