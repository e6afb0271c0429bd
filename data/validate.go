package data

import (
	"net/mail"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits, in characters. Generous for real use; they stop a pasted
// document from landing in a name field.
const (
	maxName  = 100
	maxShort = 200   // phones, e-mail, city, …
	maxLong  = 20000 // notes and health history text
)

// checkLen reports a field that is longer than max characters.
func (p *problems) checkLen(field, label, value string, max int) {
	if n := utf8.RuneCountInString(value); n > max {
		p.add(field, "%s is too long (%d characters; the limit is %d).", label, n, max)
	}
}

// checkEmail reports an e-mail address that cannot be right. Empty is fine.
func (p *problems) checkEmail(field, value string) {
	if value == "" {
		return
	}
	addr, err := mail.ParseAddress(value)
	at := strings.LastIndexByte(value, '@')
	if err != nil || addr.Address != value || at < 1 || !strings.Contains(value[at+1:], ".") ||
		strings.HasSuffix(value, ".") {
		p.add(field, "%q doesn't look like an e-mail address (it should be like name@example.com).", value)
		return
	}
	p.checkLen(field, "The e-mail address", value, maxShort)
}

// checkPhone reports a phone number that cannot be dialled: it must have
// 7 to 15 digits and only the usual punctuation (+ - . ( ) spaces), with an
// optional extension written "ext 12" or "x12". Empty is fine.
func (p *problems) checkPhone(field, label, value string) {
	if value == "" {
		return
	}
	// Work on the lower-case form throughout: lower-casing can change byte
	// lengths, so its indices do not fit the original.
	number := strings.ToLower(value)
	for _, sep := range []string{"ext.", "ext", "x"} {
		if i := strings.LastIndex(number, sep); i > 0 {
			ext := strings.TrimSpace(number[i+len(sep):])
			if ext != "" && digits(ext) == ext && len(ext) <= 6 {
				number = number[:i]
				break
			}
		}
	}
	for _, r := range number {
		if !(r >= '0' && r <= '9') && !strings.ContainsRune("+-.() /", r) {
			p.add(field, "%s %q has a character a phone number can't have (%q).", label, value, r)
			return
		}
	}
	if n := len(digits(number)); n < 7 || n > 15 {
		p.add(field, "%s %q should have between 7 and 15 digits (it has %d).", label, value, n)
	}
}

// clean trims spaces around a single-line value, collapses newlines and
// drops bytes that are not text (invalid UTF-8, e.g. from a pasted file).
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
}

// cleanText trims a multi-line value but keeps its lines.
func cleanText(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, ""), "\r\n", "\n")
	return strings.TrimSpace(s)
}

// checkWebsite reports a web address that cannot be right: it must be a
// host name with a dot (www.example.com), optionally with http:// or
// https:// and a path, and no spaces. Empty is fine.
func (p *problems) checkWebsite(field, value string) {
	if value == "" {
		return
	}
	bad := func() {
		p.add(field, "%q doesn't look like a website address (it should be like www.example.com or https://example.com).", value)
	}
	if strings.ContainsAny(value, " \t\n<>\"\\") {
		bad()
		return
	}
	raw := value
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Port() != "" && digits(u.Port()) != u.Port() {
		bad()
		return
	}
	labels := strings.Split(u.Hostname(), ".")
	if len(labels) < 2 {
		bad()
		return
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			bad()
			return
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				bad()
				return
			}
		}
	}
	if tld := labels[len(labels)-1]; digits(tld) == tld {
		bad()
	}
}
