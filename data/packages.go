package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Package is a prepaid bundle of visits of one service for one client
// ("5 x 60-min massage"). Its sale is its own invoice, taxed as the service
// is; each visit it pays for is invoiced, untaxed,
// at its share of what the sale cost, tax included (the tax was charged at
// the sale; see SessionShare), and paid by a package-session payment,
// so its receipt shows the redemption and nothing due.
type Package struct {
	ID            int64
	ClientID      int64
	ServiceID     int64
	Name          string // "5 x 60-min massage"
	SessionsTotal int
	Price         int64 // cents, for all the sessions
	ExpiresOn     Date  // zero: never
	InvoiceID     int64 // the sale's invoice
	CreatedAt     time.Time

	SaleTotal    int64  // derived: what the sale's receipt came to, tax included (read only)
	SaleNumber   string // derived: the sale receipt's number (read only)
	SessionsUsed int    // derived: package-session payments on invoices not void (read only)
	ClientName   string // joined for display (read only)
	Cancelled    bool   // derived: its sale invoice was voided, so it cannot be used (read only)
}

// SessionsLeft is how many visits the package still pays for: none once
// it was cancelled.
func (k *Package) SessionsLeft() int {
	if k.Cancelled {
		return 0
	}
	return k.SessionsTotal - k.SessionsUsed
}

// SessionPrice is the price before tax shared equally, rounded half up to
// the cent. A redemption is valued by SessionShare (tax included), not by it.
func (k *Package) SessionPrice() int64 {
	if k.SessionsTotal <= 0 {
		return 0
	}
	n := int64(k.SessionsTotal)
	return (k.Price*2 + n) / (2 * n)
}

// SessionShare is what session number session (1 for the first) of the
// package is worth: its share of what was paid for the package, tax
// included (value), and the part of that which is tax. The total is shared
// equally and the cents that do not divide go one each to the first
// sessions, so the shares add up to the total exactly ($330.53 over 5
// sessions: 3 x $66.11 + 2 x $66.10); the price before tax is shared the
// same way and the tax is the difference.
func (k *Package) SessionShare(session int) (value, tax int64) {
	total := k.SaleTotal
	if total < k.Price {
		total = k.Price
	}
	value = shareOf(total, k.SessionsTotal, session)
	return value, value - shareOf(k.Price, k.SessionsTotal, session)
}

// shareOf is share number i (1-based) of amount split n ways, the first
// amount mod n shares one cent more.
func shareOf(amount int64, n, i int) int64 {
	if n <= 0 {
		return 0
	}
	base, rest := amount/int64(n), amount%int64(n)
	if int64(i) <= rest {
		return base + 1
	}
	return base
}

// Expired reports whether the package can no longer be used on today.
func (k *Package) Expired(today Date) bool {
	return !k.ExpiresOn.IsZero() && k.ExpiresOn.Before(today)
}

// packageTable describes the packages table.
var packageTable = table[Package]{
	name:    "packages",
	key:     idColumn(func(v *Package) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[Package]{
		valueColumn("client_id", "ClientID", func(v *Package) *int64 { return &v.ClientID }),
		valueColumn("service_id", "ServiceID", func(v *Package) *int64 { return &v.ServiceID }),
		textColumn("name", "Name", func(v *Package) *string { return &v.Name }),
		valueColumn("sessions_total", "SessionsTotal", func(v *Package) *int { return &v.SessionsTotal }),
		valueColumn("price_cents", "Price", func(v *Package) *int64 { return &v.Price }),
		dateColumn("expires_on", "ExpiresOn", func(v *Package) *Date { return &v.ExpiresOn }),
		nullIDColumn("invoice_id", func(v *Package) *int64 { return &v.InvoiceID }),
		createdColumn("created_at", func(v *Package) *time.Time { return &v.CreatedAt }),
	},
}

// PackageFieldNames lists every field name SellPackage can report.
func PackageFieldNames() []string { return append(packageTable.fieldNames(), "Method") }

// packageExtra is the SQL of a package row's used sessions and client name.
const packageExtra = `COALESCE((SELECT i.total_cents FROM invoices i WHERE i.id = packages.invoice_id), packages.price_cents),
	COALESCE((SELECT i.number FROM invoices i WHERE i.id = packages.invoice_id), ''),
	(SELECT COUNT(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id
	WHERE p.package_id = packages.id AND i.status <> 'void'),
	(SELECT CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || c.last_name
	FROM clients c WHERE c.id = packages.client_id),
	` + packageCancelled

// packageCancelled is the SQL of whether a package row's sale was voided.
const packageCancelled = `COALESCE((SELECT i.status = 'void' FROM invoices i WHERE i.id = packages.invoice_id), 0)`

// SellPackage stores a new package for k.ClientID and issues its sale
// invoice (paid in full with sale.Method) in one transaction. An empty
// Name is made from the sessions and the service ("5 x 60-min massage").
func (s *Store) SellPackage(ctx context.Context, k *Package, sale Sale) (Invoice, error) {
	k.Name = clean(k.Name)
	m, err := s.Moment(ctx)
	if err != nil {
		return Invoice{}, fmt.Errorf("sell package: %w", err)
	}
	var pr problems
	if k.SessionsTotal < 1 || k.SessionsTotal > 100 {
		pr.add("SessionsTotal", "A package holds between 1 and 100 sessions.")
	}
	if k.Price < 0 || k.Price > maxMoneyCents {
		pr.add("Price", "Enter the package's price.")
	}
	if !k.ExpiresOn.IsZero() && k.ExpiresOn.Before(m.Today) {
		pr.add("ExpiresOn", "The expiry date has already passed.")
	}
	pr.checkLen("Name", "The name", k.Name, maxName)
	checkSaleMethod(&pr, sale.Method)
	if k.ClientID == 0 {
		pr.add("ClientID", "Choose the client the package is for.")
	}
	if err := pr.err(); err != nil {
		return Invoice{}, err
	}
	row := *k
	row.CreatedAt = m.Now
	var inv Invoice
	err = s.write(ctx, "sell package", func(tx *sql.Tx) error {
		svc, err := getService(ctx, tx, row.ServiceID)
		if err != nil {
			return &ValidationError{Problems: []FieldProblem{{Field: "ServiceID", Message: "Choose the service the package is for."}}}
		}
		if row.Name == "" {
			row.Name = fmt.Sprintf("%d x %s", row.SessionsTotal, svc.Name)
		}
		res, err := tx.ExecContext(ctx, packageTable.insertSQL(), packageTable.insertArgs(&row)...)
		if err != nil {
			return fmt.Errorf("sell package %s: %w", row.Name, err)
		}
		if row.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		inv = Invoice{ClientID: row.ClientID, Lines: []InvoiceLine{{Kind: LinePackage, Description: "Package: " + row.Name,
			ServiceID: svc.ID, ServiceDate: m.Today, Quantity: 1, Unit: row.Price, Taxable: svc.Taxable, PackageID: row.ID}}}
		if err := issueNew(ctx, tx, m, &inv); err != nil {
			return err
		}
		row.InvoiceID = inv.ID
		if _, err := tx.ExecContext(ctx, `UPDATE packages SET invoice_id = ? WHERE id = ?`, inv.ID, row.ID); err != nil {
			return fmt.Errorf("sell package %s: %w", row.Name, err)
		}
		return payInFull(ctx, tx, m, &inv, Sale{Method: sale.Method, Reference: sale.Reference})
	})
	if err != nil {
		return Invoice{}, err
	}
	*k = row
	return inv, nil
}

// Packages lists packages, newest first, with the sessions used; only
// those with sessions left (and not expired) when onlyUsable; only one
// client's when clientID is not 0.
func (s *Store) Packages(ctx context.Context, clientID int64, onlyUsable bool) ([]Package, error) {
	var conds []string
	var args []any
	if clientID != 0 {
		conds = append(conds, `client_id = ?`)
		args = append(args, clientID)
	}
	if onlyUsable {
		today, err := s.Today(ctx)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `sessions_total > (SELECT COUNT(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id
			WHERE p.package_id = packages.id AND i.status <> 'void')`, `NOT `+packageCancelled, `(expires_on = '' OR expires_on >= ?)`)
		args = append(args, today.String())
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	return queryPackages(ctx, s.r, where+` ORDER BY created_at DESC, id DESC`, args...)
}

func getPackage(ctx context.Context, q querier, id int64) (Package, error) {
	ks, err := queryPackages(ctx, q, `WHERE id = ?`, id)
	if err != nil {
		return Package{}, err
	}
	if len(ks) == 0 {
		return Package{}, fmt.Errorf("package %d: %w", id, ErrNotFound)
	}
	return ks[0], nil
}

func queryPackages(ctx context.Context, q querier, where string, args ...any) ([]Package, error) {
	sel := strings.Replace(packageTable.selectSQL(""), " FROM ", ", "+packageExtra+" FROM ", 1)
	rows, err := q.QueryContext(ctx, sel+" "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read packages: %w", err)
	}
	defer rows.Close()
	var out []Package
	for rows.Next() {
		var k Package
		if err := rows.Scan(append(packageTable.scanTargets(&k), &k.SaleTotal, &k.SaleNumber, &k.SessionsUsed, &k.ClientName, &k.Cancelled)...); err != nil {
			return nil, fmt.Errorf("read packages: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
