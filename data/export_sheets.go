package data

import (
	"reflect"
	"strings"
)

// ColumnKind says how an exported column's stored value is written out.
type ColumnKind int

// The kinds of exported column.
const (
	KindText    ColumnKind = iota // text as stored
	KindNumber                    // a whole or decimal number
	KindBool                      // yes / no
	KindDate                      // a calendar date, YYYY-MM-DD
	KindInstant                   // unix seconds, written as ISO 8601 in the practice's zone
	KindMoney                     // integer cents, written as a decimal amount
	KindPicture                   // a stored picture (a signature, a logo), written as a file under pictures/ that the cell names
)

// ExportColumn is one column of an exported sheet: its SQL expression, its
// human header and its kind.
type ExportColumn struct {
	SQL    string
	Header string
	Kind   ColumnKind
}

// ExportSheet is one CSV file of an export: a stored table described by its
// table[T] (so a column added to the description is exported with no
// change here), which clients' rows it holds, and what it is for README.txt.
type ExportSheet struct {
	File    string // "clients.csv"
	About   string // one line for README.txt
	Columns []ExportColumn
	from    string // the SQL table
	order   string // ORDER BY
	client  string // WHERE for one client's rows (one ? for the client's id); "" when no client's
	health  bool   // health history versions: the snapshot is spread over columns
}

// PerClient reports whether the sheet holds rows of one client (and so
// belongs in a per-client export).
func (s ExportSheet) PerClient() bool { return s.client != "" }

// HasCurrency reports whether the sheet has its own currency column.
func (s ExportSheet) HasCurrency() bool {
	for _, c := range s.Columns {
		if c.SQL == "currency" {
			return true
		}
	}
	return false
}

// HasMoney reports whether any column is an amount of money.
func (s ExportSheet) HasMoney() bool {
	for _, c := range s.Columns {
		if c.Kind == KindMoney {
			return true
		}
	}
	return false
}

// Sub-queries that tie child rows to one client.
const (
	ofClientPlans    = "plan_id IN (SELECT id FROM care_plans WHERE client_id = ?)"
	ofClientInvoices = "invoice_id IN (SELECT id FROM invoices WHERE client_id = ?)"
)

// ExportSheets lists every sheet of an export of everything, in the order
// README.txt describes them. A new entity adds one line here.
func ExportSheets() []ExportSheet {
	return []ExportSheet{
		sheetOf("practice.csv", "Your practice profile, one row: names, credentials, registration, contact, tax, currency, time zone, paper size (Logo, Signature: picture files)", &practiceTable, ""),
		sheetOf("receipt-settings.csv", "Your receipt settings, one row: number prefix, default payment method, money format, superbill numbers", &receiptSettingsTable, ""),
		sheetOf("schedule-settings.csv", "Your scheduling settings, one row: time kept between appointments, calendar export", &scheduleSettingsTable, ""),
		sheetOf("health-review-settings.csv", "How often a client's health history is reviewed with them, one row", &reviewSettingsTable, ""),
		sheetOf("working-hours.csv", "Your working hours, one row per weekday (0 = Sunday; Start and End minute: minutes after midnight)", &workingDayTable, ""),
		sheetOf("blocked-times.csv", "Times you blocked in the calendar (Start and End minute: minutes after midnight)", &blockedTimeTable, ""),
		sheetOf("note-templates.csv", "Your own note templates (Fields: the template's text, as JSON)", &templateTable, ""),
		sheetOf("clients.csv", "Clients: one row per client (Stillpoint's import reads this file)", &clientTable, "id = ?"),
		sheetOfList("client-conditions.csv", "The health checklist: one row per ticked condition of a client", "client_conditions", "condition"),
		sheetOfList("client-tags.csv", "Client tags: one row per tag of a client", "client_tags", "tag"),
		healthSheet(),
		sheetOf("health-reviews.csv", "Health-history reviews: when each client's history was looked over with them", &healthReviewTable, "client_id = ?"),
		sheetOf("services.csv", "Your services (what appointments and receipts refer to by Service ID)", &serviceTable, ""),
		{File: "service-billing-codes.csv", About: "Billing codes of your services (CPT code and units, for US superbills)",
			from: "service_billing_codes", order: "service_id", Columns: []ExportColumn{parentColumn("service_id"),
				{SQL: "cpt_code", Header: "CPT code"}, {SQL: "cpt_units", Header: "CPT units", Kind: KindNumber}}},
		{File: "visit-diagnoses.csv", About: "Diagnosis codes (ICD-10) of each visit (Appointment ID says which)",
			from: "visit_diagnoses", order: "appointment_id", client: "appointment_id IN (SELECT id FROM appointments WHERE client_id = ?)",
			Columns: []ExportColumn{parentColumn("appointment_id"), {SQL: "icd10_codes", Header: "ICD-10 codes"}}},
		sheetOf("appointments.csv", "Appointments, with their status, price and the zone they were booked in", &appointmentTable, "client_id = ?"),
		sheetOf("appointment-history.csv", "Every change of an appointment's status (booked, moved, cancelled, no-show)", &statusChangeTable,
			"appointment_id IN (SELECT id FROM appointments WHERE client_id = ?)"),
		sheetOf("notes.csv", "Treatment notes (SOAP), drafts and signed", &noteTable, "client_id = ?"),
		sheetOf("note-amendments.csv", "Amendments added to signed notes (Note ID says which)", &amendmentTable,
			"note_id IN (SELECT id FROM notes WHERE client_id = ?)"),
		sheetOf("care-plans.csv", "Care plans", &carePlanTable, "client_id = ?"),
		sheetOf("care-plan-goals.csv", "Care-plan goals (Plan ID says which plan)", &goalTable, ofClientPlans, parentColumn("plan_id")),
		sheetOf("care-plan-progress.csv", "Progress recorded against each goal (Goal ID says which)", &progressTable,
			"goal_id IN (SELECT g.id FROM care_plan_goals g JOIN care_plans p ON p.id = g.plan_id WHERE p.client_id = ?)", parentColumn("goal_id")),
		sheetOf("care-plan-reassessments.csv", "Planned and done reassessments", &reassessmentTable, ofClientPlans, parentColumn("plan_id")),
		sheetOf("care-plan-home-care.csv", "Home care given with each plan (Handout ID names the handout)", &homeCareTable, ofClientPlans, parentColumn("plan_id")),
		sheetOf("care-plan-referrals.csv", "Referrals made in each plan", &referralTable, ofClientPlans, parentColumn("plan_id")),
		sheetOf("check-ins.csv", "Check-ins at each visit: stress and sleep", &checkinTable, "client_id = ?"),
		sheetOf("psfs-activities.csv", "Activities the client rates on the Patient-Specific Functional Scale", &psfsTable, "client_id = ?"),
		sheetOfScores(),
		sheetOfList("client-measures.csv", "The mobility measures followed for each client", "client_measures", "measure_key"),
		sheetOf("mobility.csv", "Mobility measures (range of motion and others) taken at visits", &mobilityTable, "client_id = ?"),
		sheetOf("invoices.csv", "Receipts (invoices): totals, status, what was paid", &invoiceTable, "client_id = ?"),
		sheetOf("invoice-lines.csv", "The lines of each receipt (Invoice ID says which)", &invoiceLineTable, ofClientInvoices),
		sheetOf("payments.csv", "Payments against receipts", &paymentTable, ofClientInvoices),
		sheetOf("gift-certificates.csv", "Gift certificates sold", &certificateTable, ofClientInvoices),
		sheetOf("packages.csv", "Packages of sessions sold", &packageTable, "client_id = ?"),
		sheetOf("handouts.csv", "The handout library: your own handouts in full (Picture: its picture file), built-ins by name", &handoutTable, ""),
		sheetOf("consent-texts.csv", "Every version of your consent and intake texts that clients signed", &consentTextTable, ""),
		sheetOf("consents.csv", "Consents signed by clients (Signature: the picture file of the signature)", &consentTable, "client_id = ?"),
		sheetOf("consent-withdrawals.csv", "Consents withdrawn", &withdrawalTable, "consent_id IN (SELECT id FROM consents WHERE client_id = ?)"),
		sheetOf("audit-log.csv", "The audit log: who did what to which record and when (Client ID 0: no one client)", &auditTable, "client_id = ?"),
	}
}

// parentColumn is a reference to the parent row that a table description
// leaves out because its writer passes it apart (a goal's plan).
func parentColumn(name string) ExportColumn {
	return ExportColumn{SQL: name, Header: header(name), Kind: KindNumber}
}

// sheetOf builds a sheet from a table description: its key, the parent
// columns, then every described column.
func sheetOf[T any](file, about string, t *table[T], client string, parents ...ExportColumn) ExportSheet {
	var zero T
	cols := []ExportColumn{{SQL: t.key.name, Header: header(t.key.name), Kind: kindOf(t.key.name, t.key.scan(&zero))}}
	cols = append(cols, parents...)
	for _, c := range t.cols {
		cols = append(cols, ExportColumn{SQL: c.name, Header: header(c.name), Kind: kindOf(c.name, c.scan(&zero))})
	}
	return ExportSheet{File: file, About: about, Columns: cols, from: t.name, order: t.key.name, client: client}
}

// sheetOfList is a client's list table (checklist, tags): client and value.
func sheetOfList(file, about, from, value string) ExportSheet {
	return ExportSheet{File: file, About: about, from: from, order: "client_id, " + value, client: "client_id = ?",
		Columns: []ExportColumn{parentColumn("client_id"), {SQL: value, Header: header(value)}}}
}

// sheetOfScores is the PSFS scores given at each check-in.
func sheetOfScores() ExportSheet {
	return ExportSheet{File: "psfs-scores.csv", About: "PSFS scores given at each check-in (0 = unable, 10 = as before)",
		from: "psfs_scores", order: "checkin_id, activity_id",
		client:  "checkin_id IN (SELECT id FROM checkins WHERE client_id = ?)",
		Columns: []ExportColumn{parentColumn("id"), parentColumn("checkin_id"), parentColumn("activity_id"), {SQL: "score", Header: "Score", Kind: KindNumber}}}
}

// healthSheet is the kept versions of every client's health history, one
// column per field of HealthHistory (read from the type, so a new field is
// exported too).
func healthSheet() ExportSheet {
	cols := []ExportColumn{parentColumn("id"), parentColumn("client_id"), {SQL: "recorded_at", Header: "Recorded at", Kind: KindInstant}}
	t := reflect.TypeFor[HealthHistory]()
	for i := range t.NumField() {
		name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
		cols = append(cols, ExportColumn{SQL: name, Header: header(name), Kind: KindText})
	}
	return ExportSheet{File: "health-histories.csv", About: "Every kept version of each client's health history, oldest first",
		Columns: cols, from: "health_history_versions", order: "client_id, recorded_at, id", client: "client_id = ?", health: true}
}

// kindOf tells a column's kind from its scan target.
func kindOf(name string, target any) ColumnKind {
	switch target.(type) {
	case dateScanner:
		return KindDate
	case unixScanner, optUnixScanner, zeroUnixScanner:
		return KindInstant
	case nullIDScanner, *int, *int64, *float64:
		if strings.HasSuffix(name, "_cents") {
			return KindMoney
		}
		return KindNumber
	case *bool:
		return KindBool
	case *[]byte:
		return KindPicture
	}
	return KindText
}

// header turns an SQL column name into a header a person reads:
// "first_name" → "First name", "client_id" → "Client ID", "total_cents" →
// "Total", "tax_rate_bp" → "Tax rate (basis points)".
func header(name string) string {
	name = strings.TrimSuffix(name, "_cents")
	words := strings.Split(name, "_")
	for i, w := range words {
		switch w {
		case "id":
			words[i] = "ID"
		case "bp":
			words[i] = "(basis points)"
		case "psfs", "cpt":
			words[i] = strings.ToUpper(w)
		case "icd10":
			words[i] = "ICD-10"
		case "injuries":
			words[i] = "and injuries" // "Surgeries and injuries"
		}
	}
	h := strings.Join(words, " ")
	return strings.ToUpper(h[:1]) + h[1:]
}
