package backup

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"filippo.io/age"
)

// ageMagic starts every age-encrypted file.
var ageMagic = []byte("age-encryption.org/")

// MinPassphrase is the shortest passphrase SetPassphrase accepts.
const MinPassphrase = 8

// DefaultWorkFactor is age's scrypt work factor (2^18: about a second and
// 256 MB of memory on a laptop for each encryption or decryption), which
// makes guessing a passphrase slow.
const DefaultWorkFactor = 18

// encrypt writes src to dst encrypted with the passphrase (age, scrypt
// recipient, work factor 2^logN; 0 means DefaultWorkFactor).
func encrypt(dst io.Writer, src io.Reader, passphrase string, logN int) error {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if logN <= 0 {
		logN = DefaultWorkFactor
	}
	r.SetWorkFactor(logN)
	w, err := age.Encrypt(dst, r)
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if _, err := io.Copy(w, src); err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	return nil
}

// decrypt writes src, an age file encrypted with a passphrase, to dst. A
// wrong passphrase gives ErrWrongPassphrase, an empty one
// ErrNeedPassphrase, a file that is not age-encrypted (or is cut short)
// ErrDamaged.
func decrypt(dst io.Writer, src io.Reader, passphrase string) error {
	if passphrase == "" {
		return ErrNeedPassphrase
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return fmt.Errorf("decrypt: %w", err)
	}
	r, err := age.Decrypt(src, id)
	var nomatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &nomatch):
		return fmt.Errorf("decrypt: %w", ErrWrongPassphrase)
	case err != nil:
		return fmt.Errorf("decrypt: %w: %w", ErrDamaged, err)
	}
	if _, err := io.Copy(dst, r); err != nil {
		if k := classify(err); k != nil {
			return fmt.Errorf("decrypt: %w", err)
		}
		return fmt.Errorf("decrypt: %w: %w", ErrDamaged, err)
	}
	return nil
}

// looksEncrypted reports whether r starts like an age file. It returns a
// reader that still yields every byte.
func looksEncrypted(r io.Reader) (bool, io.Reader) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(ageMagic))
	return bytes.Equal(head, ageMagic), br
}
