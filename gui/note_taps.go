package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// tapChoices is a set of one-tap toggles (techniques, areas) with a text
// entry for anything not offered: a tap turns a choice on (highlighted) or
// off; the entry takes others, separated by commas.
type tapChoices struct {
	options  []string
	on       map[string]bool
	buttons  []*widget.Button
	other    *entry
	obj      fyne.CanvasObject
	onChange func()
}

// newTapChoices offers options as toggles and an entry for others.
func newTapChoices(options []string, placeholder string) *tapChoices {
	t := &tapChoices{options: options, on: map[string]bool{}}
	var cell fyne.Size
	var objs []fyne.CanvasObject
	for _, o := range options {
		o := o
		b := widget.NewButton(o, nil)
		b.OnTapped = func() { t.toggle(o) }
		b.Importance = widget.LowImportance
		t.buttons = append(t.buttons, b)
		objs = append(objs, b)
		cell = cell.Max(b.MinSize())
	}
	t.other = newEntry(placeholder, capShort)
	t.obj = container.NewVBox(container.NewGridWrap(cell, objs...), t.other)
	return t
}

// toggle turns option o on or off.
func (t *tapChoices) toggle(o string) {
	t.on[o] = !t.on[o]
	t.sync()
	if t.onChange != nil {
		t.onChange()
	}
}

// sync shows which options are on.
func (t *tapChoices) sync() {
	for i, o := range t.options {
		imp := widget.LowImportance
		if t.on[o] {
			imp = widget.HighImportance
		}
		if t.buttons[i].Importance != imp {
			t.buttons[i].Importance = imp
			t.buttons[i].Refresh()
		}
	}
}

// isOn reports whether option o is chosen.
func (t *tapChoices) isOn(o string) bool { return t.on[o] }

// Values are the chosen options in offered order, then the typed others.
func (t *tapChoices) Values() []string {
	var out []string
	for _, o := range t.options {
		if t.on[o] {
			out = append(out, o)
		}
	}
	for _, s := range strings.Split(t.other.Text, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// SetValues turns on the offered values and puts the rest in the entry.
func (t *tapChoices) SetValues(vals []string) {
	t.on = map[string]bool{}
	var rest []string
	for _, v := range vals {
		offered := false
		for _, o := range t.options {
			if strings.EqualFold(o, v) {
				t.on[o] = true
				offered = true
			}
		}
		if !offered {
			rest = append(rest, v)
		}
	}
	t.other.SetText(strings.Join(rest, ", "))
	t.sync()
}

// disable switches every toggle and the entry off or on.
func (t *tapChoices) setEnabled(on bool) {
	for _, b := range t.buttons {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if on {
		t.other.Enable()
	} else {
		t.other.Disable()
	}
}
