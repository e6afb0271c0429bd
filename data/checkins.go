package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NotRecorded is a check-in score (stress, sleep, a PSFS rating) that was
// not asked at this visit. Pain uses PainNotRecorded, the same value.
const NotRecorded = -1

// CheckIn is the quick check-in of one visit (an appointment): pain, stress,
// sleep quality over the past week and the client's PSFS activities, each
// 0-10 or NotRecorded.
//
// Pain is not stored in the check-in: it is the visit note's Pain (one home
// for pain per visit). Saving a check-in writes its pain to the
// appointment's note, starting a draft note when the visit has none yet.
type CheckIn struct {
	ID            int64
	ClientID      int64 // set from the appointment
	AppointmentID int64
	VisitDate     Date // the appointment's date in the practice's zone
	Pain          int  // 0 (none) to 10 (worst imaginable): the note's Pain
	Stress        int  // 0 (none) to 10 (worst imaginable)
	Sleep         int  // 0 (very poor) to 10 (very good), over the past week
	PSFS          []PSFSScore
	// KeepNotePain leaves the note's pain alone: the note editor sets it,
	// since its own save carries the pain.
	KeepNotePain bool
	// NoteSigned says the visit's note is signed (CheckInForAppointment):
	// its pain can no longer change, the rest of the check-in can.
	NoteSigned bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// checkinTable describes the checkins table.
var checkinTable = table[CheckIn]{
	name:    "checkins",
	key:     idColumn(func(c *CheckIn) *int64 { return &c.ID }),
	autoKey: true,
	cols: []column[CheckIn]{
		valueColumn("client_id", "ClientID", func(c *CheckIn) *int64 { return &c.ClientID }),
		valueColumn("appointment_id", "AppointmentID", func(c *CheckIn) *int64 { return &c.AppointmentID }),
		dateColumn("visit_date", "VisitDate", func(c *CheckIn) *Date { return &c.VisitDate }),
		valueColumn("stress", "Stress", func(c *CheckIn) *int { return &c.Stress }),
		valueColumn("sleep", "Sleep", func(c *CheckIn) *int { return &c.Sleep }),
		createdColumn("created_at", func(c *CheckIn) *time.Time { return &c.CreatedAt }),
		unixColumn("updated_at", func(c *CheckIn) *time.Time { return &c.UpdatedAt }),
	},
}

// Summary is the check-in in one line, for the signed note and its PDF:
// "pain 4, stress 6, sleep 7; Reversing the car 5". pain is the note's (the
// one home for pain); what was not asked is left out, and "" means nothing
// was recorded.
func (c CheckIn) Summary(pain int) string {
	var scores, acts []string
	for _, v := range []struct {
		name string
		v    int
	}{{"pain", pain}, {"stress", c.Stress}, {"sleep", c.Sleep}} {
		if v.v != NotRecorded {
			scores = append(scores, v.name+" "+strconv.Itoa(v.v))
		}
	}
	var parts []string
	if len(scores) > 0 {
		parts = append(parts, strings.Join(scores, ", "))
	}
	for _, a := range c.PSFS {
		if a.Score != NotRecorded && a.Activity != "" {
			acts = append(acts, a.Activity+" "+strconv.Itoa(a.Score))
		}
	}
	return strings.Join(append(parts, acts...), "; ")
}

// CheckInFieldNames lists the field names check-in validation reports: Pain,
// Stress, Sleep and PSFS.0 … PSFS.2 (one per activity row).
func CheckInFieldNames() []string {
	return []string{"Pain", "Stress", "Sleep", PSFSField(0), PSFSField(1), PSFSField(2)}
}

// Validate checks the scores: each 0-10 or not recorded, a new activity
// named, no more than three activities followed, and a visit no later than
// today.
func (c *CheckIn) Validate(today Date) error {
	var p problems
	if c.AppointmentID <= 0 {
		p.add("AppointmentID", "Choose the visit this check-in is for.")
	}
	if !c.VisitDate.IsZero() && today.Before(c.VisitDate) {
		p.add("VisitDate", "A check-in is for a visit that has started: this one is on %s.", c.VisitDate.Format())
	}
	for _, f := range []struct {
		key   string
		field string
		v     int
	}{{MeasurePain, "Pain", c.Pain}, {MeasureStress, "Stress", c.Stress}, {MeasureSleep, "Sleep", c.Sleep}} {
		if f.v != NotRecorded {
			m, _ := MeasureByKey(f.key)
			m.check(&p, f.field, float64(f.v))
		}
	}
	validatePSFS(&p, c.PSFS)
	return p.err()
}

// normalize tidies the activity names and drops rows with neither a name
// nor an activity.
func (c *CheckIn) normalize() {
	var out []PSFSScore
	for _, s := range c.PSFS {
		s.Activity = clean(s.Activity)
		if s.ActivityID == 0 && s.Activity == "" {
			continue
		}
		out = append(out, s)
	}
	c.PSFS = out
}

// CheckInForAppointment returns the appointment's check-in: the stored one,
// or a new one (ID 0) with every score not recorded. Either way Pain is the
// note's, and PSFS lists the client's activities followed at that visit
// (carried forward from earlier visits, each with its previous score).
func (s *Store) CheckInForAppointment(ctx context.Context, appointmentID int64) (CheckIn, error) {
	n, err := s.NoteForAppointment(ctx, appointmentID)
	if err != nil {
		return CheckIn{}, fmt.Errorf("check-in: %w", err)
	}
	c := CheckIn{ClientID: n.ClientID, AppointmentID: appointmentID, VisitDate: n.VisitDate, Pain: n.Pain,
		Stress: NotRecorded, Sleep: NotRecorded, NoteSigned: n.Signed()}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return CheckIn{}, fmt.Errorf("read check-in: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	err = tx.QueryRowContext(ctx, checkinTable.selectSQL("WHERE appointment_id = ?"), appointmentID).
		Scan(checkinTable.scanTargets(&c)...)
	if err != nil && !errNoRows(err) {
		return CheckIn{}, fmt.Errorf("read check-in of appointment %d: %w", appointmentID, err)
	}
	if c.PSFS, err = psfsForVisit(ctx, tx, c.ClientID, c.ID, c.VisitDate); err != nil {
		return CheckIn{}, err
	}
	return c, nil
}

// SaveCheckIn validates c and stores it in one transaction: the check-in
// row (stress, sleep), its PSFS scores, activities added or retired, and
// (unless KeepNotePain) the pain on the visit's note. A signed note's pain
// cannot change (ErrSigned). c's ID, ClientID and VisitDate are set.
func (s *Store) SaveCheckIn(ctx context.Context, c *CheckIn) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("save check-in: %w", err)
	}
	note, err := s.NoteForAppointment(ctx, c.AppointmentID)
	if err != nil {
		return fmt.Errorf("save check-in: %w", err)
	}
	c.normalize()
	c.ClientID, c.VisitDate = note.ClientID, note.VisitDate
	if err := c.Validate(m.Today); err != nil {
		return err
	}
	row := *c
	row.UpdatedAt = m.Now
	err = s.write(ctx, "save check-in", func(tx *sql.Tx) error {
		var created int64
		err := tx.QueryRowContext(ctx, `SELECT id, created_at FROM checkins WHERE appointment_id = ?`,
			c.AppointmentID).Scan(&row.ID, &created)
		switch {
		case errNoRows(err):
			row.ID, row.CreatedAt = 0, m.Now
			res, err := tx.ExecContext(ctx, checkinTable.insertSQL(), checkinTable.insertArgs(&row)...)
			if err != nil {
				return fmt.Errorf("save check-in: %w", err)
			}
			if row.ID, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("save check-in: %w", err)
			}
		case err != nil:
			return fmt.Errorf("save check-in: %w", err)
		default:
			row.CreatedAt = time.Unix(created, 0).UTC()
			if _, err := tx.ExecContext(ctx, checkinTable.updateSQL(), checkinTable.updateArgs(&row)...); err != nil {
				return fmt.Errorf("save check-in %d: %w", row.ID, err)
			}
		}
		if err := savePSFS(ctx, tx, &row, m.Now); err != nil {
			return err
		}
		if row.KeepNotePain {
			return nil
		}
		return savePain(ctx, tx, note, row.Pain, m.Now)
	})
	if err != nil {
		return err
	}
	*c = row
	return nil
}

// savePain puts the check-in's pain on the appointment's note: an update of
// the draft when it differs, a new draft note when the visit has none and a
// pain was given. A signed note whose pain differs is refused.
func savePain(ctx context.Context, tx *sql.Tx, prepared Note, pain int, now time.Time) error {
	var id int64
	var old int
	var status NoteStatus
	err := tx.QueryRowContext(ctx, `SELECT id, pain, status FROM notes WHERE appointment_id = ?`,
		prepared.AppointmentID).Scan(&id, &old, &status)
	switch {
	case errNoRows(err):
		if pain == PainNotRecorded {
			return nil
		}
		n := prepared
		n.ID, n.Pain, n.Status, n.CreatedAt, n.UpdatedAt = 0, pain, NoteDraft, now, now
		res, err := tx.ExecContext(ctx, noteTable.insertSQL(), noteTable.insertArgs(&n)...)
		if err != nil {
			return fmt.Errorf("save check-in: start note: %w", mapLocked(err))
		}
		if n.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("save check-in: start note: %w", err)
		}
		return recordAudit(ctx, tx, AuditEntry{At: now, Action: AuditCreate, Entity: AuditNote,
			EntityID: n.ID, ClientID: n.ClientID, Summary: "draft note for " + n.VisitDate.String() + " (check-in)"})
	case err != nil:
		return fmt.Errorf("save check-in: read note: %w", err)
	case old == pain:
		return nil
	case status == NoteSigned:
		return fmt.Errorf("save check-in: pain on note %d: %w", id,
			&lockedError{ErrSigned, errors.New("pain differs from the signed note's")})
	}
	if _, err := tx.ExecContext(ctx, `UPDATE notes SET pain = ?, updated_at = ? WHERE id = ?`,
		pain, now.Unix(), id); err != nil {
		return fmt.Errorf("save check-in: pain on note %d: %w", id, mapLocked(err))
	}
	return recordEdit(ctx, tx, AuditEntry{At: now, Action: AuditEdit, Entity: AuditNote, EntityID: id,
		ClientID: prepared.ClientID}, []string{"Pain"})
}
