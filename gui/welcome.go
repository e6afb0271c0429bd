package gui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/assets"
	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// demoYears is how much history the sample practice opened from the
// welcome screen has: enough to show everything, quick to make.
const demoYears = 3

// welcome is the first-run screen: set up the practice, or look around a
// sample practice kept in a separate file.
type welcome struct {
	sh      *shell
	setUp   *widget.Button
	explore *widget.Button
	restore *widget.Button // a new computer: the records from a backup
	obj     fyne.CanvasObject
}

func newWelcome(sh *shell) *welcome {
	w := &welcome{sh: sh}
	logo := canvas.NewImageFromResource(fyne.NewStaticResource("icon.svg", assets.IconSVG))
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(96, 96))
	title := heading("Welcome to Stillpoint")
	title.Alignment = fyne.TextAlignCenter
	intro := widget.NewLabelWithStyle("Clients, appointments, notes and receipts for your practice — "+
		"kept privately on this computer, working with or without the internet.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	intro.Wrapping = fyne.TextWrapWord
	w.setUp = widget.NewButton("Set up my practice", w.onSetUp)
	w.setUp.Importance = widget.HighImportance
	w.explore = widget.NewButton("Explore a sample practice", w.onExplore)
	w.restore = widget.NewButton("Restore from a backup…", w.onRestore)
	where := widget.NewLabelWithStyle("Your records will be kept in "+sh.realPath,
		fyne.TextAlignCenter, fyne.TextStyle{})
	where.Importance = widget.LowImportance
	where.Wrapping = fyne.TextWrapWord
	sample := widget.NewLabelWithStyle("The sample practice lives in a separate file and never mixes with your records.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	sample.Importance = widget.LowImportance
	sample.Wrapping = fyne.TextWrapWord
	moved := widget.NewLabelWithStyle("New computer? Put back your records from a backup file.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	moved.Importance = widget.LowImportance
	moved.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(container.NewCenter(logo), title, intro, widget.NewLabel(""),
		w.setUp, w.explore, sample, w.restore, moved, widget.NewLabel(""), where)
	w.obj = container.NewCenter(container.NewStack(fixedWidth(520), body))
	return w
}

// onSetUp opens the practice profile, the first thing a new practice needs.
func (w *welcome) onSetUp() {
	w.sh.showMain(sectionSettings)
	w.sh.settings.showFirstRun()
}

// onRestore puts back a practice from a backup (a new computer): the
// restore of Settings › Your data, with this screen's buttons.
func (w *welcome) onRestore() { w.restorer().choose() }

// restorer is the welcome screen's restore.
func (w *welcome) restorer() *restorer {
	return &restorer{sh: w.sh, status: func(string) {}, busy: func(on bool) {
		for _, b := range []*widget.Button{w.setUp, w.explore, w.restore} {
			if on {
				b.Disable()
			} else {
				b.Enable()
			}
		}
	}}
}

// onExplore opens the sample practice, creating it on first use.
func (w *welcome) onExplore() {
	w.sh.openDemo()
}

// openDemo switches to the sample practice beside the real database,
// filling it (with progress and a Cancel button) when it does not exist yet.
func (sh *shell) openDemo() {
	path := data.DemoPath(sh.realPath)
	ctx, cancel := context.WithCancel(sh.life)
	bar := widget.NewProgressBar()
	status := widget.NewLabel("Preparing a sample practice with " + fmt.Sprint(demoYears) + " years of records…")
	cancelBtn := widget.NewButton("Cancel", cancel)
	d := dialog.NewCustomWithoutButtons("Sample practice", container.NewVBox(status, bar, cancelBtn), sh.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	sh.background(func(context.Context) func() {
		st, err := openOrFillDemo(ctx, path, func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
		})
		return func() {
			d.Hide()
			cancel()
			switch {
			case errors.Is(err, context.Canceled):
				// The therapist changed their mind: stay on the welcome screen.
			case err != nil:
				showError(sh.win, err)
			default:
				sh.switchStore(st)
			}
		}
	})
}

// openOrFillDemo opens the sample practice at path with its practice lock,
// making it first when it is not there (or was left unfinished) with
// demo.Create, the same all-or-nothing maker `stillpoint demo` uses: a
// cancelled or failed making leaves nothing at path. A complete sample
// already there is opened as it is.
func openOrFillDemo(ctx context.Context, path string, progress func(done, total int)) (*data.Store, error) {
	_, err := demo.Create(ctx, path, demo.Options{Years: demoYears, Seed: 1, Progress: progress},
		demo.CreateOptions{Reuse: true})
	if err != nil {
		return nil, err
	}
	return data.Open(ctx, path, data.WithLock())
}

// leaveDemo closes the sample practice and goes back to the real one.
func (sh *shell) leaveDemo() {
	if what := sh.unsaved(); what != "" {
		confirmDiscard(sh.win, "You have unsaved changes to "+what+".", sh.reallyLeaveDemo)
		return
	}
	sh.reallyLeaveDemo()
}

func (sh *shell) reallyLeaveDemo() {
	st, err := data.Open(context.Background(), sh.realPath, data.WithLock())
	if err != nil {
		showError(sh.win, err)
		return
	}
	sh.switchStore(st)
}
