package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// benchPractices are the two sample practices every budget is measured
// against: "10y" is `stillpoint demo --years 10`, "10x" a ten-times
// practice (10,000 clients; the same weekly density of visits over 100
// years, since a solo calendar cannot hold ten times the visits in ten).
var benchPractices = []struct {
	name string
	opts demo.Options
}{
	{"10y", demo.Options{Years: 10, Seed: 1}},
	{"10x", demo.Options{Years: 10, Seed: 1, Clients: 10000, AppointmentYears: 100}},
}

// filledPractice opens a new practice in a temporary folder, fills it with
// the sample generator and closes it when the benchmark ends.
func filledPractice(b *testing.B, opts demo.Options) (context.Context, *data.Store) {
	b.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := demo.Fill(ctx, s, opts); err != nil {
		b.Fatal(err)
	}
	return ctx, s
}
