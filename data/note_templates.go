package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// TemplateFields are the parts of a note a template pre-fills.
type TemplateFields struct {
	Kind          NoteKind `json:"kind,omitempty"`
	Complaint     string   `json:"complaint,omitempty"`
	Goals         string   `json:"goals,omitempty"`
	Posture       string   `json:"posture,omitempty"`
	Palpation     string   `json:"palpation,omitempty"`
	RangeOfMotion string   `json:"range_of_motion,omitempty"`
	Tests         string   `json:"tests,omitempty"`
	Techniques    []string `json:"techniques,omitempty"`
	Areas         []string `json:"areas,omitempty"`
	Pressure      string   `json:"pressure,omitempty"`
	Response      string   `json:"response,omitempty"`
	Progress      string   `json:"progress,omitempty"`
	NextFocus     string   `json:"next_focus,omitempty"`
	Frequency     string   `json:"frequency,omitempty"`
	HomeCare      string   `json:"home_care,omitempty"`
	Referrals     string   `json:"referrals,omitempty"`
}

// NoteTemplate pre-fills a new note. Built-in templates have ID 0 and
// BuiltIn set; the therapist's own are stored.
type NoteTemplate struct {
	ID        int64
	Name      string
	BuiltIn   bool
	Fields    TemplateFields
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Apply fills the note's empty fields from the template (what the
// therapist has already written stays), and adds its techniques and areas.
func (t *NoteTemplate) Apply(n *Note) {
	f := t.Fields
	if f.Kind != "" {
		n.Kind = f.Kind
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&n.Complaint, f.Complaint)
	fill(&n.Goals, f.Goals)
	fill(&n.Posture, f.Posture)
	fill(&n.Palpation, f.Palpation)
	fill(&n.RangeOfMotion, f.RangeOfMotion)
	fill(&n.Tests, f.Tests)
	fill(&n.Pressure, f.Pressure)
	fill(&n.Response, f.Response)
	fill(&n.Progress, f.Progress)
	fill(&n.NextFocus, f.NextFocus)
	fill(&n.Frequency, f.Frequency)
	fill(&n.HomeCare, f.HomeCare)
	fill(&n.Referrals, f.Referrals)
	n.Techniques = cleanList(append(append([]string(nil), n.Techniques...), f.Techniques...))
	n.Areas = cleanList(append(append([]string(nil), n.Areas...), f.Areas...))
}

// Techniques and Areas offered as one-tap choices in the note form.
var (
	CommonTechniques = []string{"Swedish", "Myofascial release", "Trigger point therapy", "Deep tissue",
		"Stretching", "Joint mobilisation", "Lymphatic drainage", "Hydrotherapy", "Muscle energy technique",
		"Cross-fibre friction"}
	CommonAreas = []string{"Neck", "Upper back", "Low back", "Shoulders", "Arms", "Hands", "Chest", "Abdomen",
		"Gluteals", "Hips", "Thighs", "Calves", "Feet", "Head and face"}
)

// builtInTemplates are offered in every practice.
var builtInTemplates = []NoteTemplate{
	{Name: "Relaxation massage", BuiltIn: true, Fields: TemplateFields{
		Complaint: "General stress and muscle tightness; wants to relax.", Goals: "Reduce stress, improve sleep.",
		Techniques: []string{"Swedish"}, Areas: []string{"Neck", "Upper back", "Low back", "Shoulders", "Thighs", "Calves"},
		Pressure: "Light to moderate", Response: "Relaxed; reports feeling lighter.",
		Frequency: "Every 3–4 weeks", HomeCare: "Hydrate; gentle stretching; warm bath."}},
	{Name: "Low-back pain", BuiltIn: true, Fields: TemplateFields{
		Goals: "Less pain sitting and bending; return to usual activity.", Posture: "",
		Palpation: "Hypertonic lumbar erectors and QL.", RangeOfMotion: "Lumbar flexion limited by pain.",
		Techniques: []string{"Myofascial release", "Trigger point therapy", "Stretching"},
		Areas:      []string{"Low back", "Gluteals", "Hips"}, Pressure: "Moderate",
		NextFocus: "Reassess lumbar ROM; hip flexors.", Frequency: "Weekly for 4 weeks",
		HomeCare: "Knee-to-chest and cat-cow stretches daily; heat 15 min; stay active."}},
	{Name: "Neck and shoulders", BuiltIn: true, Fields: TemplateFields{
		Goals: "Turn the head freely; fewer tension headaches.", Palpation: "Hypertonic upper trapezius and levator scapulae.",
		RangeOfMotion: "Cervical rotation reduced.", Techniques: []string{"Swedish", "Trigger point therapy", "Stretching"},
		Areas: []string{"Neck", "Shoulders", "Upper back"}, Pressure: "Moderate",
		NextFocus: "Pectorals and posture at the desk.", Frequency: "Every 2 weeks",
		HomeCare: "Upper trapezius and levator stretches 3×30 s twice daily; screen at eye height."}},
	{Name: "Discharge", BuiltIn: true, Fields: TemplateFields{Kind: NoteDischarge,
		Progress: "Goals met: ", NextFocus: "Discharged from regular care.", Frequency: "As needed",
		HomeCare: "Continue the home exercises; return if symptoms come back."}},
}

// templateTable describes note_templates (the therapist's own).
var templateTable = table[NoteTemplate]{
	name:    "note_templates",
	key:     idColumn(func(t *NoteTemplate) *int64 { return &t.ID }),
	autoKey: true,
	cols: []column[NoteTemplate]{
		textColumn("name", "Name", func(t *NoteTemplate) *string { return &t.Name }),
		{name: "fields",
			get: func(t *NoteTemplate) any {
				b, _ := json.Marshal(t.Fields) // plain strings and lists: cannot fail
				return string(b)
			},
			scan: func(t *NoteTemplate) any { return jsonScanner{&t.Fields} }},
		createdColumn("created_at", func(t *NoteTemplate) *time.Time { return &t.CreatedAt }),
		unixColumn("updated_at", func(t *NoteTemplate) *time.Time { return &t.UpdatedAt }),
	},
}

// jsonScanner scans a JSON text column.
type jsonScanner struct{ v any }

// Scan implements sql.Scanner.
func (s jsonScanner) Scan(src any) error {
	var text sql.NullString
	if err := text.Scan(src); err != nil {
		return fmt.Errorf("stored JSON: %w", err)
	}
	if err := json.Unmarshal([]byte(text.String), s.v); err != nil {
		return fmt.Errorf("stored JSON: %w", err)
	}
	return nil
}

// NoteTemplates returns the built-in templates, then the therapist's own by name.
func (s *Store) NoteTemplates(ctx context.Context) ([]NoteTemplate, error) {
	out := append([]NoteTemplate(nil), builtInTemplates...)
	rows, err := s.r.QueryContext(ctx, templateTable.selectSQL(`ORDER BY name COLLATE NOCASE`))
	if err != nil {
		return nil, fmt.Errorf("read note templates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t NoteTemplate
		if err := rows.Scan(templateTable.scanTargets(&t)...); err != nil {
			return nil, fmt.Errorf("read note templates: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveNoteTemplate stores the therapist's own template (ID 0: a new one).
// Its name must be given and not taken by a built-in template.
func (s *Store) SaveNoteTemplate(ctx context.Context, t *NoteTemplate) error {
	t.Name = clean(t.Name)
	var p problems
	if t.Name == "" {
		p.add("Name", "Give the template a name.")
	}
	p.checkLen("Name", "The name", t.Name, maxNoteShort)
	for _, b := range builtInTemplates {
		if b.Name == t.Name {
			p.add("Name", "A built-in template already has this name.")
		}
	}
	if err := p.err(); err != nil {
		return err
	}
	now := s.Now()
	row := *t
	row.UpdatedAt = now
	return s.write(ctx, "save template", func(tx *sql.Tx) error {
		if t.ID == 0 {
			row.CreatedAt = now
			res, err := tx.ExecContext(ctx, templateTable.insertSQL(), templateTable.insertArgs(&row)...)
			if err != nil {
				return fmt.Errorf("save template %s: %w", t.Name, err)
			}
			t.ID, err = res.LastInsertId()
			t.CreatedAt, t.UpdatedAt = now, now
			return err
		}
		if _, err := tx.ExecContext(ctx, templateTable.updateSQL(), templateTable.updateArgs(&row)...); err != nil {
			return fmt.Errorf("save template %s: %w", t.Name, err)
		}
		t.UpdatedAt = now
		return nil
	})
}

// DeleteNoteTemplate removes one of the therapist's own templates.
func (s *Store) DeleteNoteTemplate(ctx context.Context, id int64) error {
	return s.write(ctx, "delete template", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM note_templates WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete template %d: %w", id, err)
		}
		return nil
	})
}
