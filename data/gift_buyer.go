package data

import (
	"context"
	"database/sql"
	"time"
)

// newBuyer checks the client a sale makes for a buyer who is not yet a
// client: only a name is needed. Its problems are reported under
// "FirstName" and "LastName".
func newBuyer(c *Client, today Date) error {
	c.normalize()
	return c.Validate(today)
}

// insertBuyer stores the buyer's new client record inside the sale's
// transaction, with its audit line, and sets c.ID.
func (s *Store) insertBuyer(ctx context.Context, tx *sql.Tx, c *Client, m Moment) error {
	c.CreatedAt = time.Time{} // a new record: made now
	exec := func(args ...any) (sql.Result, error) { return tx.ExecContext(ctx, clientTable.insertSQL(), args...) }
	if err := s.insertClient(ctx, tx, exec, c, m.Now, "client record created (bought a gift certificate)"); err != nil {
		return err
	}
	c.CreatedAt, c.UpdatedAt = m.Now, m.Now
	return nil
}

// writeSale runs a sale's transaction; when the sale is to a new buyer,
// it first creates the buyer's client record in the same transaction (and
// keeps the client search index up to date), so either both are stored or
// neither is.
func (s *Store) writeSale(ctx context.Context, what string, sale *Sale, m Moment, fn func(tx *sql.Tx) error) error {
	if sale.NewClient == nil {
		return s.write(ctx, what, fn)
	}
	err := s.writeClients(ctx, what, func(tx *sql.Tx) ([]int64, error) {
		if err := s.insertBuyer(ctx, tx, sale.NewClient, m); err != nil {
			return nil, err
		}
		sale.ClientID = sale.NewClient.ID
		return []int64{sale.NewClient.ID}, fn(tx)
	})
	if err != nil {
		sale.NewClient.ID, sale.ClientID = 0, 0
	}
	return err
}
