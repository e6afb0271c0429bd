package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// Snippet highlight markers: SearchNotes puts them around each matched
// word in NoteHit.Snippet; SnippetParts splits on them.
const (
	MatchStart = "\x02"
	MatchEnd   = "\x03"
)

// NoteHit is one note found by SearchNotes.
type NoteHit struct {
	NoteID     int64
	ClientID   int64
	ClientName string
	VisitDate  Date
	Status     NoteStatus
	Snippet    string // a few words around the best match, matches between MatchStart and MatchEnd
}

// searchWindow is how many of the most recently written matching notes
// SearchNotes ranks.
const searchWindow = 2000

// SnippetPart is a piece of a snippet: matched or not.
type SnippetPart struct {
	Text  string
	Match bool
}

// SnippetParts splits a snippet into plain and highlighted pieces, for a
// rich-text label.
func SnippetParts(snippet string) []SnippetPart {
	var out []SnippetPart
	for snippet != "" {
		start := strings.Index(snippet, MatchStart)
		if start < 0 {
			out = append(out, SnippetPart{Text: snippet})
			break
		}
		if start > 0 {
			out = append(out, SnippetPart{Text: snippet[:start]})
		}
		rest := snippet[start+len(MatchStart):]
		end := strings.Index(rest, MatchEnd)
		if end < 0 {
			end = len(rest)
		}
		out = append(out, SnippetPart{Text: rest[:end], Match: true})
		snippet = strings.TrimPrefix(rest[end:], MatchEnd)
	}
	return out
}

// noteQuery turns what the therapist typed into an FTS5 query that cannot
// be misread as FTS syntax: every word is quoted (all words must match, AND) and
// the last one matches as a prefix, so results come while typing. A word
// that Fold spells differently ("Østergård" → "ostergard", which SQLite's
// tokenizer keeps as "østergard") matches either spelling. It is "" when
// there is no word to look for.
func noteQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if len(words) == 0 {
		return ""
	}
	parts := make([]string, len(words))
	for i, w := range words {
		star := ""
		if i == len(words)-1 {
			star = "*"
		}
		// Letters and digits only: no quote to escape.
		term := `"` + w + `"` + star
		if f := strings.ReplaceAll(Fold(w), " ", ""); f != "" && f != strings.ToLower(w) {
			term = `(` + term + ` OR "` + f + `"` + star + `)`
		}
		parts[i] = term
	}
	return strings.Join(parts, " AND ")
}

// SearchNotes finds notes whose text (every SOAP field, the client's name
// and the amendments) holds every word of query, the last one as a prefix,
// accents and case ignored. The best matches come first (bm25, with the
// client's name and the complaint weighing most), at most limit of them.
// When more than searchWindow (2,000) notes match, only the most recently
// written 2,000 of them are ranked, which keeps a search under 20 ms at any
// size of practice.
func (s *Store) SearchNotes(ctx context.Context, query string, limit int) ([]NoteHit, error) {
	q := noteQuery(query)
	if q == "" || limit <= 0 {
		return nil, nil
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("search notes: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	// Ranking scores every note it considers, so a word found in tens of
	// thousands of notes would cost tens of milliseconds: only the
	// searchWindow most recently written matches are ranked (the rowid is
	// the note's id, in writing order). Typing one more word narrows it.
	var from int64
	err = tx.QueryRowContext(ctx, `SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?
		ORDER BY rowid DESC LIMIT 1 OFFSET ?`, q, searchWindow-1).Scan(&from)
	if err != nil && !errNoRows(err) {
		return nil, fmt.Errorf("search notes: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT n.id, n.client_id,
		       CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || c.last_name,
		       n.visit_date, n.status, f.snip
		FROM (SELECT rowid AS id, snippet(notes_fts, -1, ?, ?, '…', 12) AS snip,
		             bm25(notes_fts, 4.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0) AS score
		      FROM notes_fts WHERE notes_fts MATCH ? AND rowid >= ? ORDER BY score LIMIT ?) f
		JOIN notes n ON n.id = f.id
		JOIN clients c ON c.id = n.client_id
		ORDER BY f.score, n.visit_date DESC`, MatchStart, MatchEnd, q, from, limit)
	if err != nil {
		return nil, fmt.Errorf("search notes: %w", err)
	}
	defer rows.Close()
	var out []NoteHit
	for rows.Next() {
		var h NoteHit
		if err := rows.Scan(&h.NoteID, &h.ClientID, &h.ClientName, dateScanner{&h.VisitDate},
			(*string)(&h.Status), &h.Snippet); err != nil {
			return nil, fmt.Errorf("search notes: %w", err)
		}
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		out = append(out, h)
	}
	return out, rows.Err()
}
