package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

func TestConsentNoticeMentionsPaperConsentDate(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	sh, c := consentShell(t, &now)
	ctx := context.Background()
	c.ConsentDate = data.DateOf(time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC))
	if err := sh.store.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	sh.clients.openClient(c.ID)
	text := allText(sh.clients.page.obj)
	if !strings.Contains(text, "Consent on paper signed 5 Jan 2025 — record it here to keep the signed text and signature.") ||
		strings.Contains(text, "No consent to treatment on file") {
		t.Errorf("the consent notice ignores the paper consent:\n%s", text)
	}
}
