package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// course is a client's course of treatment: visits every gap days until
// left runs out.
type course struct {
	next time.Time
	gap  int
	left int
}

// booker chooses who comes to each visit: clients whose course is due
// first, then a regular (45%) or anyone (55%), never a client before their
// record was made nor twice on one day.
type booker struct {
	r       *rand.Rand
	regular []int64
	since   map[int64]time.Time
	courses map[int64]*course
	order   []int64 // clients with a course, in the order they started
	day     map[int64]bool
	byAge   []int64 // client IDs, oldest record first
	known   int     // how many of byAge exist by the day being booked
}

// newBooker prepares the choice of clients for visits.
func newBooker(r *rand.Rand, clients []data.ClientSummary, regular []int64, since map[int64]time.Time) *booker {
	b := &booker{r: r, regular: regular, since: since, courses: map[int64]*course{}}
	for _, c := range clients {
		b.byAge = append(b.byAge, c.ID)
	}
	slices.SortStableFunc(b.byAge, func(x, y int64) int { return since[x].Compare(since[y]) })
	return b
}

// pick returns the client for a visit on day d (false when there is none).
func (b *booker) pick(d time.Time) (int64, bool) {
	for _, id := range b.order {
		c := b.courses[id]
		if c.left > 0 && !c.next.After(d) && !b.day[id] {
			c.left--
			c.next = d.AddDate(0, 0, c.gap)
			b.day[id] = true
			return id, true
		}
	}
	for b.known < len(b.byAge) && b.madeBy(b.byAge[b.known], d) {
		b.known++
	}
	for try := 0; try < 8 && b.known > 0; try++ {
		id := b.regular[b.r.IntN(len(b.regular))]
		if b.r.IntN(100) >= 55 || !b.madeBy(id, d) {
			id = b.byAge[b.r.IntN(b.known)]
		}
		if b.day[id] {
			continue
		}
		if _, had := b.courses[id]; !had && id%3 == 0 && b.r.IntN(2) == 0 {
			b.courses[id] = &course{next: d.AddDate(0, 0, 7), gap: 7 + 7*b.r.IntN(2), left: 3 + b.r.IntN(6)}
			b.order = append(b.order, id)
		}
		b.day[id] = true
		return id, true
	}
	return 0, false
}

// madeBy reports whether client id's record exists by the end of day d.
func (b *booker) madeBy(id int64, d time.Time) bool {
	if b.since == nil {
		return true
	}
	made, ok := b.since[id]
	return ok && made.Before(d.AddDate(0, 0, 1))
}
