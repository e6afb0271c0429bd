package data

// ApplicationID marks an SQLite file as a Stillpoint practice: SQLite keeps
// it in the file's header (PRAGMA application_id). It is "SPNT" in ASCII.
// Migration 3 sets it on files made before it existed, and every migration
// step sets it again, so a new file carries it from its first commit.
const ApplicationID = 0x53504E54
