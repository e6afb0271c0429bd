package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// A review is due from the practice's date on which the interval has
// passed, in the practice's zone, also where that date differs from UTC's.
func TestReviewDueAtTheIntervalBoundary(t *testing.T) {
	for _, tc := range []struct {
		zone       string
		reviewAt   time.Time // an instant whose local date differs from its UTC date
		reviewedOn Date
		dueAt      time.Time // local midnight starting the day the review is due
	}{
		// 00:30 on 10 March in Auckland is still 9 March in UTC.
		{"Pacific/Auckland", time.Date(2025, 3, 9, 11, 30, 0, 0, time.UTC), Date{2025, time.March, 10},
			time.Date(2026, 3, 9, 11, 0, 0, 0, time.UTC)},
		// 23:30 on 9 March in Los Angeles is already 10 March in UTC.
		{"America/Los_Angeles", time.Date(2025, 3, 10, 6, 30, 0, 0, time.UTC), Date{2025, time.March, 9},
			time.Date(2026, 3, 9, 7, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.zone, func(t *testing.T) {
			ctx := context.Background()
			now := tc.reviewAt.AddDate(0, -1, 0)
			s := openWithClock(t, tc.zone, func() time.Time { return now })
			c := mustCreate(t, s, &Client{FirstName: "Noor", LastName: "Haddad"})
			if _, ok, err := s.LastHealthReview(ctx, c.ID); err != nil || ok {
				t.Fatalf("a new client has a review: %v %v", ok, err)
			}
			now = tc.reviewAt
			r, err := s.ReviewHealthHistory(ctx, c.ID, "  Reviewed with the client; no changes. ")
			if err != nil || r.ReviewedOn != tc.reviewedOn || !r.ReviewedAt.Equal(tc.reviewAt) || r.Note != "Reviewed with the client; no changes." {
				t.Fatalf("review %v %+v", err, r)
			}
			last, ok, err := s.LastHealthReview(ctx, c.ID)
			if err != nil || !ok || last != r {
				t.Fatalf("last review %v %v %+v", err, ok, last)
			}
			now = tc.dueAt.Add(-time.Second)
			if due, since, err := s.ReviewDue(ctx, c.ID); err != nil || due || since != tc.reviewedOn {
				t.Errorf("a second before: due %v since %v (%v)", due, since, err)
			}
			now = tc.dueAt
			if due, since, err := s.ReviewDue(ctx, c.ID); err != nil || !due || since != tc.reviewedOn {
				t.Errorf("at local midnight: due %v since %v (%v)", due, since, err)
			}
			if err := s.SaveReviewInterval(ctx, 24); err != nil {
				t.Fatal(err)
			}
			if due, _, err := s.ReviewDue(ctx, c.ID); err != nil || due {
				t.Errorf("with 24 months: due %v (%v)", due, err)
			}
			now = tc.dueAt.AddDate(0, 0, 1)
			if _, err := s.ReviewHealthHistory(ctx, c.ID, ""); err != nil {
				t.Fatal(err)
			}
			if rs, err := s.HealthReviews(ctx, c.ID); err != nil || len(rs) != 2 || rs[1] != r {
				t.Errorf("kept reviews %v %+v", err, rs)
			}
		})
	}
}

// A client never reviewed is due one interval after the health history was
// first recorded (the client's creation), counted in the practice's zone.
func TestReviewDueWithoutReview(t *testing.T) {
	ctx := context.Background()
	// 23:30 on 31 January 2026 in Auckland (10:30 UTC).
	now := time.Date(2026, 1, 31, 10, 30, 0, 0, time.UTC)
	s := openWithClock(t, "Pacific/Auckland", func() time.Time { return now })
	c := mustCreate(t, s, &Client{FirstName: "Tama", LastName: "Rewi"})
	if err := s.SaveReviewInterval(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// One month after 31 January is the end of February.
	now = time.Date(2026, 2, 27, 10, 59, 59, 0, time.UTC) // 23:59:59 on 27 Feb, NZDT
	if due, since, err := s.ReviewDue(ctx, c.ID); err != nil || due || since != (Date{2026, time.January, 31}) {
		t.Errorf("before: due %v since %v (%v)", due, since, err)
	}
	now = now.Add(time.Second) // 28 February in Auckland
	if due, _, err := s.ReviewDue(ctx, c.ID); err != nil || !due {
		t.Errorf("on 28 February: due %v (%v)", due, err)
	}
	if _, _, err := s.ReviewDue(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown client: %v", err)
	}
	if _, err := s.ReviewHealthHistory(ctx, 9999, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("review of an unknown client: %v", err)
	}
}

// The interval defaults to 12 months and only 1 to 60 months are kept.
func TestReviewInterval(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if m, err := s.ReviewInterval(ctx); err != nil || m != 12 {
		t.Errorf("default %d %v", m, err)
	}
	for _, bad := range []int{0, -3, 61} {
		var ve *ValidationError
		err := s.SaveReviewInterval(ctx, bad)
		if !errors.As(err, &ve) || !strings.Contains(ve.For("ReviewIntervalMonths"), "every 1 to 60 months") {
			t.Errorf("%d months: %v", bad, err)
		}
	}
	if err := s.SaveReviewInterval(ctx, 6); err != nil {
		t.Fatal(err)
	}
	if m, err := s.ReviewInterval(ctx); err != nil || m != 6 {
		t.Errorf("saved %d %v", m, err)
	}
	c := mustCreate(t, s, &Client{FirstName: "Iris", LastName: "Berg"})
	var ve *ValidationError
	if _, err := s.ReviewHealthHistory(ctx, c.ID, strings.Repeat("n", maxReviewNote+1)); !errors.As(err, &ve) ||
		!strings.Contains(ve.For("Note"), "too long") {
		t.Errorf("long note: %v", err)
	}
}
