package pdf

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressReportSummaryComesBeforeTheCharts(t *testing.T) {
	var b bytes.Buffer
	if err := WriteProgress(&b, sampleProgress("Zoë Müller")); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pageTexts(t, b.Bytes()), "\n"))
	at := func(w string) int {
		i := strings.Index(text, squash(w))
		if i < 0 {
			t.Fatalf("the report lacks %q", w)
		}
		return i
	}
	summary, goals, chart, next := at("Pain has halved"), at("Pain down to 3/10 or lower"), at("Pain (0–10)"), at("Three more weekly visits")
	if !(summary < goals && goals < chart) {
		t.Errorf("the summary (at %d) must come first, then the goals (at %d) and the charts (at %d)", summary, goals, chart)
	}
	if next < chart {
		t.Errorf("the next steps (at %d) should close the report, after the charts (at %d)", next, chart)
	}
}
