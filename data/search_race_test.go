package data

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// Searches run on background goroutines while the therapist saves: the
// in-memory client index is read by searches and patched by saves at the
// same time. Under -race (make test) this finds unguarded access; without
// it, it checks that every search sees a consistent list.
func TestSearchWhileSavingConcurrently(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for i := 0; i < 20; i++ {
		mustCreate(t, s, newClient("Ann", fmt.Sprintf("Base%02d", i)))
	}
	const saves = 40
	done := make(chan struct{})
	errs := make(chan error, 8)
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			queries := []ClientQuery{{Text: "ann"}, {Text: "base1"}, {IncludeArchived: true}, {Text: "new", Limit: 5}}
			for n := 0; ; n++ {
				select {
				case <-done:
					return
				default:
				}
				rows, err := s.SearchClients(ctx, queries[(g+n)%len(queries)])
				if err != nil {
					errs <- fmt.Errorf("search: %w", err)
					return
				}
				seen := map[int64]bool{}
				for _, r := range rows {
					if seen[r.ID] {
						errs <- fmt.Errorf("client %d listed twice", r.ID)
						return
					}
					seen[r.ID] = true
				}
			}
		}(g)
	}
	var saveErr error
	for i := 0; i < saves && saveErr == nil; i++ {
		c := newClient("New", fmt.Sprintf("Client%02d", i))
		if saveErr = s.CreateClient(ctx, c); saveErr != nil {
			break
		}
		c.LastName = fmt.Sprintf("Renamed%02d", i)
		if saveErr = s.UpdateClient(ctx, c); saveErr != nil {
			break
		}
		if i%5 == 0 {
			saveErr = s.SetClientArchived(ctx, c.ID, true)
		}
	}
	close(done)
	wg.Wait()
	close(errs)
	if saveErr != nil {
		t.Fatalf("save: %v", saveErr)
	}
	for err := range errs {
		t.Error(err)
	}
	all, err := s.SearchClients(ctx, ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 20+saves {
		t.Errorf("after the saves the list has %d clients, want %d", len(all), 20+saves)
	}
	renamed, err := s.SearchClients(ctx, ClientQuery{Text: "renamed", IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(renamed) != saves {
		t.Errorf("%d renamed clients found, want %d", len(renamed), saves)
	}
}
