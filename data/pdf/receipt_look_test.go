package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteReceiptSamples writes sample receipts to $STILLPOINT_PDF_OUT to
// look at (pdftoppm -png -r 80); it does nothing without the variable.
func TestWriteReceiptSamples(t *testing.T) {
	dir := os.Getenv("STILLPOINT_PDF_OUT")
	if dir == "" {
		t.Skip("set STILLPOINT_PDF_OUT to a folder to write sample receipts into")
	}
	void := sampleReceipt("Łukasz Nowak")
	void.Invoice.Status, void.Invoice.VoidReason, void.ReplacedBy = "void", "Charged the wrong service", "R-000043"
	void.Invoice.PrintCount = 2
	docs := map[string]func(f *os.File) error{
		"receipt":      func(f *os.File) error { return WriteReceipt(f, sampleReceipt("Zoë Müller")) },
		"receipt-void": func(f *os.File) error { return WriteReceipt(f, void) },
		"statement":    func(f *os.File) error { return WriteStatement(f, sampleStatement("Nguyễn Thị Hoa", 52)) },
	}
	for name, write := range docs {
		f, err := os.Create(filepath.Join(dir, name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if err := write(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
