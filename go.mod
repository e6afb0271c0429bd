module github.com/stillpoint/stillpoint

go 1.26.8

require (
	fyne.io/fyne/v2 v2.8.1 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	golang.org/x/text v0.44.0 // indirect
)
