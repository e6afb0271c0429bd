package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// lockedShell is a test shell on a practice opened WithLock, as the app
// opens it (restore needs the lock), with one client.
func lockedShell(t *testing.T) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(calmTheme{})
	ctx := context.Background()
	st, err := data.Open(ctx, filepath.Join(t.TempDir(), "practice.db"), data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	p := data.Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "America/Toronto", PaperSize: data.PaperLetter}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := data.Client{FirstName: "Zoë", LastName: "Ng"}
	if err := st.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Stillpoint")
	sh := newTestShellOn(a, w, st)
	w.Resize(fyne.NewSize(1024, 600))
	sh.start()
	t.Cleanup(w.Close)
	return sh
}

func TestBackUpNowShowsTheLastBackupAndRestoreBringsItBack(t *testing.T) {
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	if !strings.Contains(d.status.Text, "No backup has been made yet") {
		t.Fatalf("status %q", d.status.Text)
	}
	test.Tap(d.backupNow)
	s, err := backup.Load(context.Background(), sh.store)
	if err != nil || s.LastOKPath == "" {
		t.Fatalf("after Back up now: %+v, %v", s, err)
	}
	if !strings.Contains(d.status.Text, "Last backup: ") || !strings.Contains(d.status.Text, s.LastOKPath) ||
		d.backupNow.Disabled() {
		t.Errorf("status %q", d.status.Text)
	}
	// A client added after the backup goes away with the restore.
	c := data.Client{FirstName: "Later", LastName: "Client"}
	if err := sh.store.CreateClient(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	old := sh.store
	d.runRestore(s.LastOKPath, "")
	if sh.store == old {
		t.Fatal("the shell still has the old store")
	}
	rows, err := sh.store.SearchClients(context.Background(), data.ClientQuery{})
	if err != nil || len(rows) != 1 {
		t.Errorf("clients after restore: %d, %v", len(rows), err)
	}
	if sh.clients == nil {
		t.Error("the screens were not rebuilt on the restored practice")
	}
}

func TestPassphraseNeedsTwoMatchingEntriesAndWarns(t *testing.T) {
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	if d.removePass.Visible() || !strings.Contains(d.encryption.Text, "not protected") {
		t.Fatal("a new practice shows a passphrase")
	}
	d.onSetPassphrase()
	if d.passDialog == nil {
		t.Fatal("no passphrase dialog")
	}
	d.savePassphrase("short")
	if s, _ := backup.Load(context.Background(), sh.store); s.Encrypted() {
		t.Error("a short passphrase was stored")
	}
	d.savePassphrase("a long passphrase")
	if s, _ := backup.Load(context.Background(), sh.store); !s.CheckPassphrase("a long passphrase") {
		t.Error("the passphrase was not stored")
	}
	if !d.removePass.Visible() || d.passphrase.Text != "Change passphrase…" {
		t.Error("the section does not show the passphrase is set")
	}
	if !strings.Contains(passphraseWarning, "cannot be recovered") {
		t.Error("the warning lost its point")
	}
}

func TestBannerWarnsWhenTheLastBackupIsOlderThanAWeek(t *testing.T) {
	sh := lockedShell(t)
	sh.auto = &autoBackups{stop: make(chan struct{})}
	if sh.backupBanner() == nil {
		t.Fatal("no banner for a practice never backed up")
	}
	if _, err := backup.Run(context.Background(), sh.store, backup.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	if sh.backupBanner() != nil {
		t.Error("a banner right after a backup")
	}
	if err := sh.store.SaveBackupSettings(context.Background(), map[string]string{
		"backup.last_ok_time": sh.store.Now().Add(-8 * 24 * time.Hour).Format(time.RFC3339)}); err != nil {
		t.Fatal(err)
	}
	if sh.backupBanner() == nil {
		t.Error("no banner 8 days after the last backup")
	}
	// The backup on quit runs (and is recorded) before the store closes.
	sh.backupOnQuit()
	if s, _ := backup.Load(context.Background(), sh.store); s.Stale(sh.store.Now()) {
		t.Error("the backup on quit was not made")
	}
	sh.auto = nil
}

func TestTheSamplePracticeIsNotBackedUp(t *testing.T) {
	sh := lockedShell(t)
	sh.demo = true
	d := newDataSectionScreen(sh)
	if !d.backupNow.Disabled() || !d.restore.Disabled() || !strings.Contains(d.status.Text, "sample practice is not backed up") {
		t.Errorf("demo: back up %v, restore %v, status %q", d.backupNow.Disabled(), d.restore.Disabled(), d.status.Text)
	}
	d.busy(false)
	if !d.backupNow.Disabled() {
		t.Error("Back up now came back on for the sample practice")
	}
}

// Settings › Your data, with the backup banner and a failed last try,
// fits a small laptop's window without cutting anything off.
func TestYourDataAndTheBackupBannerFitASmallLaptop(t *testing.T) {
	sh := lockedShell(t)
	sh.auto = &autoBackups{stop: make(chan struct{})}
	defer func() { sh.auto = nil }()
	if err := sh.store.SaveBackupSettings(context.Background(), map[string]string{
		"backup.last_time":  sh.store.Now().Format(time.RFC3339),
		"backup.last_error": backup.UserMessage(backup.ErrFolderGone),
		"backup.folder":     "/media/maya/A-RATHER-LONG-USB-STICK-NAME/Stillpoint backups/practice",
	}); err != nil {
		t.Fatal(err)
	}
	sh.showMain(sectionSettings)
	sh.settings.tabs.SelectIndex(2)
	sh.win.Resize(fyne.NewSize(1024, 600))
	if len(sh.banner.Objects) != 1 {
		t.Fatal("no backup banner")
	}
	fits(t, "Settings › Your data", sh)
	if bad := settledOutside(sh.win, sh.win.Canvas().Size()); len(bad) > 0 {
		t.Errorf("cut off at 1024x600:\n%s", strings.Join(bad, "\n"))
	}
}
